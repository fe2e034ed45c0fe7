import { addDays, type Day, dayRange } from "./days";

/** Days in the mood chart, today included. */
export const MOOD_DAYS = 30;

/** Where a mood was given: the day's check-in, or an entry in the journal. */
export type MoodSource = "check-in" | "journal";

export interface MoodDay {
  day: Day;
  /** The day's check-in mood (1–5), or null when there was none. */
  average: number | null;
  /** How many check-ins that day: one, or none. */
  count: number;
}

export interface MoodTrend {
  /** 30 days, oldest first, today last. */
  days: MoodDay[];
  /** The mean of every mood in those days, or null when there were none. */
  average: number | null;
}

/**
 * Mood per day over the last 30 days, from the daily check-ins. An entry's mood says how one
 * moment felt and a check-in how the day went; averaged together, three hard entries would
 * drown a day the person called okay. So the chart answers one question: how did the days go.
 */
export function moodTrend(input: {
  moods: Iterable<{ day: Day; mood: number; from: MoodSource }>;
  today: Day;
}) {
  const from = addDays(input.today, -(MOOD_DAYS - 1));
  const sums = new Map<Day, { total: number; count: number }>();
  for (const { day, mood, from: source } of input.moods) {
    if (source !== "check-in" || day < from || day > input.today) continue;
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
