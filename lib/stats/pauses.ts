import { addDays, type Day, daysBetween } from "./days";

/** At most this many pause days in any window of PAUSE_WINDOW_DAYS consecutive days. */
export const MAX_PAUSE_DAYS = 4;
export const PAUSE_WINDOW_DAYS = 30;
/** A pause day may be set this many days back or ahead of today. */
export const PAUSE_REACH_DAYS = 7;

/** The most pause days in any 30-day window that contains `day`. */
export function busiestWindowAround(pauseDays: Iterable<Day>, day: Day): number {
  const near = [...new Set(pauseDays)].filter(
    (d) => Math.abs(daysBetween(day, d)) < PAUSE_WINDOW_DAYS,
  );
  let busiest = 0;
  for (let offset = 0; offset < PAUSE_WINDOW_DAYS; offset++) {
    const from = addDays(day, -offset);
    const to = addDays(from, PAUSE_WINDOW_DAYS - 1);
    busiest = Math.max(busiest, near.filter((d) => d >= from && d <= to).length);
  }
  return busiest;
}

/** How many more pause days fit in every 30-day window that contains `day`. */
export function pauseDaysLeft(pauseDays: Iterable<Day>, day: Day): number {
  return Math.max(0, MAX_PAUSE_DAYS - busiestWindowAround(pauseDays, day));
}

export type PauseCheck =
  | {
      allowed: true;
      /** Pause days left around the day once it is paused. */
      left: number;
    }
  | {
      allowed: false;
      /** The first later day that could be paused. */
      nextFree: Day;
    };

/**
 * Whether `day` may become a pause day next to `existing` ones: no 30-day window may hold
 * more than four. A day already paused is allowed (pausing it again changes nothing).
 */
export function checkPause(existing: Iterable<Day>, day: Day): PauseCheck {
  const days = new Set(existing);
  if (days.has(day)) return { allowed: true, left: pauseDaysLeft(days, day) };
  const fits = (d: Day) => busiestWindowAround([...days, d], d) <= MAX_PAUSE_DAYS;
  if (fits(day)) return { allowed: true, left: pauseDaysLeft([...days, day], day) };
  // Within a window past the latest existing pause day, a day always fits.
  for (let d = addDays(day, 1); ; d = addDays(d, 1)) {
    if (!days.has(d) && fits(d)) return { allowed: false, nextFree: d };
  }
}
