import { addDays, type Day, dayRange } from "./days";

/** The lowest mood on Rekindle's scale of 1–5, "Very low". */
export const VERY_LOW_MOOD = 1;
/** How many days in a row of very low moods bring the offer of support. */
export const LOW_DAYS_IN_A_ROW = 3;
/** How far back those days may lie, today included. */
export const LOW_MOOD_WINDOW_DAYS = 7;

/**
 * Whether to gently offer support: on LOW_DAYS_IN_A_ROW days running, each within the last
 * LOW_MOOD_WINDOW_DAYS (today included), the person recorded a very low mood, in a check-in
 * or a journal entry. A day counts by its lowest mood, so a brighter note later that day
 * doesn't hide a very low one; a day with no mood breaks the run, as we can't know it.
 * Days are the person's own calendar days.
 */
export function offersSupport(input: {
  moods: Iterable<{ day: Day; mood: number }>;
  today: Day;
}): boolean {
  const from = addDays(input.today, -(LOW_MOOD_WINDOW_DAYS - 1));
  const veryLow = new Set<Day>();
  for (const { day, mood } of input.moods) {
    if (day >= from && day <= input.today && mood <= VERY_LOW_MOOD) veryLow.add(day);
  }
  let run = 0;
  for (const day of dayRange(from, input.today)) {
    run = veryLow.has(day) ? run + 1 : 0;
    if (run >= LOW_DAYS_IN_A_ROW) return true;
  }
  return false;
}
