import { addDays, type Day, dayRange, weekStartOf } from "./days";
import type { WeekStartsOn } from "./locale";

/** Weeks shown in the activity calendar: twelve, the last one this week. */
export const CALENDAR_WEEKS = 12;

export type ActivityLevel = 0 | 1 | 2 | 3 | 4;

export interface CalendarDay {
  day: Day;
  /** Task completions, journal entries, contacts logged and check-ins on the day. */
  count: number;
  level: ActivityLevel;
  paused: boolean;
  /** After today: drawn as an empty cell, counted nowhere. */
  future: boolean;
}

export interface ActivityCalendar {
  /** The first day of a week. */
  start: Day;
  /** The last day of the current week. */
  end: Day;
  /** 84 days, oldest first: column i is days[7i .. 7i+6], from the week's first day. */
  days: CalendarDay[];
  /** Days up to and including today with any activity. */
  activeDays: number;
  /** Days up to and including today (78 to 84): the "of the last N days" in summaries. */
  pastDays: number;
}

/**
 * A day's shade. Fixed steps rather than a share of the busiest day, so one very busy day
 * never makes every ordinary day look faint: 1, 2, 3–4, 5 or more.
 */
export function activityLevel(count: number): ActivityLevel {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count === 2) return 2;
  if (count <= 4) return 3;
  return 4;
}

/**
 * The first and last day of the calendar that contains `today`, its weeks starting on
 * `weekStartsOn` (Monday unless the person or their language says otherwise).
 */
export function calendarRange(
  today: Day,
  weekStartsOn: WeekStartsOn = 1,
): { start: Day; end: Day } {
  const end = addDays(weekStartOf(today, weekStartsOn), 6);
  return { start: addDays(end, -(CALENDAR_WEEKS * 7 - 1)), end };
}

/** Twelve weeks ending with the week of `today`. */
export function activityCalendar(input: {
  /** Activity per day; days outside the calendar are ignored. */
  counts: ReadonlyMap<Day, number>;
  pauseDays: Iterable<Day>;
  today: Day;
  /** The week's first day; Monday when not given. */
  weekStartsOn?: WeekStartsOn;
}): ActivityCalendar {
  const { start, end } = calendarRange(input.today, input.weekStartsOn);
  const paused = new Set(input.pauseDays);
  const days = dayRange(start, end).map((day): CalendarDay => {
    const future = day > input.today;
    const count = future ? 0 : (input.counts.get(day) ?? 0);
    return { day, count, level: activityLevel(count), paused: paused.has(day), future };
  });
  const past = days.filter((d) => !d.future);
  return {
    start,
    end,
    days,
    activeDays: past.filter((d) => d.count > 0).length,
    pastDays: past.length,
  };
}

/** Adds one to `day`'s count. */
export function tally(counts: Map<Day, number>, day: Day, by = 1): void {
  counts.set(day, (counts.get(day) ?? 0) + by);
}
