import { addDays, type Day, weekStartOf } from "./days";
import type { WeekStartsOn } from "./locale";

/** Weeks in the who-starts chart, the current one last. */
export const INITIATIVE_WEEKS = 8;
/** The window of the "share the ex started" signal, today included. */
export const SHARE_DAYS = 14;

export type Initiator = "me" | "them";

export interface InitiativeWeek {
  /** The week's first day. */
  weekStart: Day;
  me: number;
  them: number;
}

export interface Initiative {
  /** Eight weeks, oldest first, the current week last. */
  weeks: InitiativeWeek[];
  /** Contacts in the last 14 days (today included), by who started them. */
  last14d: { me: number; them: number };
  /** The share of those the ex started, 0–1; null when there were none. */
  exShare14d: number | null;
}

/**
 * Who starts contact: step 7's signal. Each contact counts on the day it happened
 * (`occurredAt` in the user's zone), so back-filled contacts land where they belong.
 */
export function initiative(input: {
  contacts: Iterable<{ day: Day; initiator: Initiator }>;
  today: Day;
  /** The week's first day; Monday when not given. */
  weekStartsOn?: WeekStartsOn;
}): Initiative {
  const weekOf = (day: Day) => weekStartOf(day, input.weekStartsOn ?? 1);
  const thisWeek = weekOf(input.today);
  const weeks: InitiativeWeek[] = Array.from({ length: INITIATIVE_WEEKS }, (_, i) => ({
    weekStart: addDays(thisWeek, -7 * (INITIATIVE_WEEKS - 1 - i)),
    me: 0,
    them: 0,
  }));
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
  const shareFrom = addDays(input.today, -(SHARE_DAYS - 1));
  const last14d = { me: 0, them: 0 };
  for (const { day, initiator } of input.contacts) {
    if (day > input.today) continue;
    const week = byWeek.get(weekOf(day));
    if (week) week[initiator] += 1;
    if (day >= shareFrom) last14d[initiator] += 1;
  }
  const total = last14d.me + last14d.them;
  return { weeks, last14d, exShare14d: total === 0 ? null : last14d.them / total };
}
