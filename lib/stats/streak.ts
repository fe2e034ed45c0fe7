import { addDays, type Day, dayRange } from "./days";

export interface Streak {
  /** Active days in the run that reaches today (or yesterday, while today is still open). */
  current: number;
  /** The longest run among the days given (at least `current`). */
  longest: number;
  activeToday: boolean;
  /** The first active day of the current run; null when `current` is 0. */
  since: Day | null;
}

/**
 * Counts a streak of active days, ending today.
 *
 * - A day with any activity adds one.
 * - A pause day the user chose bridges a gap: it neither breaks the run nor adds to it.
 *   People need rest, and the product promises that resting on purpose costs nothing.
 * - Today without activity yet breaks nothing: the day isn't over, so the run is counted
 *   back from yesterday and is still alive.
 * - Any other day without activity ends the run.
 *
 * `activeDays` and `pauseDays` may contain days after today (a planned pause); they are
 * ignored here.
 */
export function computeStreak(input: {
  activeDays: Iterable<Day>;
  pauseDays: Iterable<Day>;
  today: Day;
}): Streak {
  const { today } = input;
  const active = new Set([...input.activeDays].filter((d) => d <= today));
  const paused = new Set([...input.pauseDays].filter((d) => d <= today));
  const activeToday = active.has(today);

  let current = 0;
  let since: Day | null = null;
  const earliest = [...active].sort()[0];
  if (earliest !== undefined) {
    for (let day = activeToday ? today : addDays(today, -1); day >= earliest; ) {
      if (active.has(day)) {
        current += 1;
        since = day;
      } else if (!paused.has(day)) break;
      day = addDays(day, -1);
    }
  }

  let longest = 0;
  let run = 0;
  if (earliest !== undefined) {
    for (const day of dayRange(earliest, today)) {
      if (active.has(day)) run += 1;
      else if (!paused.has(day) && day !== today) run = 0;
      longest = Math.max(longest, run);
    }
  }
  return { current, longest: Math.max(longest, current), activeToday, since };
}
