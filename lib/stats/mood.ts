import { addDays, type Day, dayRange } from "./days";

/** Days in the mood chart, today included. */
export const MOOD_DAYS = 30;

export interface MoodDay {
  day: Day;
  /** The mean of the day's moods (1–5), or null when none was recorded. */
  average: number | null;
  /** How many moods were recorded that day. */
  count: number;
}

export interface MoodTrend {
  /** 30 days, oldest first, today last. */
  days: MoodDay[];
  /** The mean of every mood in those days, or null when there were none. */
  average: number | null;
}

/**
 * Mood per day over the last 30 days, from journal entries and check-ins alike: each mood
 * counts once, so a day with three entries weighs more in `average` than a day with one.
 */
export function moodTrend(input: { moods: Iterable<{ day: Day; mood: number }>; today: Day }) {
  const from = addDays(input.today, -(MOOD_DAYS - 1));
  const sums = new Map<Day, { total: number; count: number }>();
  for (const { day, mood } of input.moods) {
    if (day < from || day > input.today) continue;
    const sum = sums.get(day) ?? { total: 0, count: 0 };
    sum.total += mood;
    sum.count += 1;
    sums.set(day, sum);
  }
  let total = 0;
  let count = 0;
  const days = dayRange(from, input.today).map((day): MoodDay => {
    const sum = sums.get(day);
    if (!sum) return { day, average: null, count: 0 };
    total += sum.total;
    count += sum.count;
    return { day, average: sum.total / sum.count, count: sum.count };
  });
  return { days, average: count === 0 ? null : total / count } satisfies MoodTrend;
}
