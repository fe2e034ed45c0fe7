import "#server-only";
/**
 * When a reminder is due: pure rules over the person's settings and their own wall clock,
 * with no database and no timer, so each rule is unit-tested on its own (DST days too).
 */
import { TZDate } from "@date-fns/tz";
import { type Day, localDay } from "@/lib/stats/days";

export const MINUTES_PER_DAY = 24 * 60;
/** "Snooze for a week": today and the six days after it stay quiet. */
export const SNOOZE_DAYS = 7;

export interface ReminderPrefs {
  enabled: boolean;
  /** Minutes after local midnight. */
  checkInMinute: number;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
  /** No reminders on local days before this one. */
  resumeOn: Day | null;
}

/** "09:30" to 570. */
export function minuteOfTime(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** 570 to "09:30". */
export function timeOfMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  return `${String(h).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * The minute the wall clock shows at `instant` in `timeZone`. On the night clocks go back
 * an hour repeats, so this can go backwards: the once-a-day rule, not the clock, stops a
 * second reminder.
 */
export function localMinute(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/** Quiet hours run from their start up to (not including) their end, maybe past midnight. */
export function inQuietHours(minute: number, start: number | null, end: number | null): boolean {
  if (start === null || end === null || start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export type NotDueReason = "off" | "snoozed" | "too_early" | "quiet" | "active" | "already";

export type DueAnswer = { due: true; day: Day } | { due: false; day: Day; reason: NotDueReason };

export interface DueFacts {
  now: Date;
  timeZone: string;
  /** Any check-in, task, entry, contact or pause day on today's local date. */
  activeToday: boolean;
  /** A reminder (of any kind, dismissed or not) already exists for today's local date. */
  remindedToday: boolean;
}

/**
 * Due once the check-in time has passed on the person's own clock, outside quiet hours,
 * unless reminders are off or snoozed, they already showed up today, or today already had
 * its one reminder. A check-in time the clock skips (a spring-forward night) is reached at
 * the first minute after the gap, because "at or after" is what is compared.
 */
export function reminderDue(prefs: ReminderPrefs, facts: DueFacts): DueAnswer {
  const day = localDay(facts.now, facts.timeZone);
  const not = (reason: NotDueReason): DueAnswer => ({ due: false, day, reason });
  if (!prefs.enabled) return not("off");
  if (prefs.resumeOn !== null && day < prefs.resumeOn) return not("snoozed");
  if (facts.remindedToday) return not("already");
  const minute = localMinute(facts.now, facts.timeZone);
  if (minute < prefs.checkInMinute) return not("too_early");
  if (inQuietHours(minute, prefs.quietStartMinute, prefs.quietEndMinute)) return not("quiet");
  if (facts.activeToday) return not("active");
  return { due: true, day };
}
