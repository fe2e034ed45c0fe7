import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";

/**
 * Dates as a person reads them, always in their profile's zone (never the server's or the
 * device's), so a late-night entry sits on the day it was written where they live.
 */
const inZone = (instant: Date | number, timeZone: string) =>
  new TZDate(typeof instant === "number" ? instant : instant.getTime(), timeZone);

/** "2026-11-24": groups things by the person's own calendar day. */
export function dayKey(instant: Date | number, timeZone: string): string {
  return format(inZone(instant, timeZone), "yyyy-MM-dd");
}

/** "Today", "Yesterday", "Tuesday 24 November", or with the year when it isn't this one. */
export function dayHeading(instant: Date | number, timeZone: string, now = Date.now()): string {
  const day = inZone(instant, timeZone);
  const today = inZone(now, timeZone);
  const diff = differenceInCalendarDays(today, day);
  if (diff === 0) return "Today";
  if (diff === 1) return "Yesterday";
  return format(
    day,
    day.getFullYear() === today.getFullYear() ? "EEEE d MMMM" : "EEEE d MMMM yyyy",
  );
}

/** "21:14". */
export function timeOfDay(instant: Date | number, timeZone: string): string {
  return format(inZone(instant, timeZone), "HH:mm");
}

/** "Tue 24 Nov 2026, 21:14". */
export function dateTime(instant: Date | number, timeZone: string): string {
  return format(inZone(instant, timeZone), "EEE d MMM yyyy, HH:mm");
}

/** "Today, 21:14", "Yesterday, 08:02", "Tue 24 Nov, 21:14", or "3 Mar 2025, 21:14". */
export function shortDateTime(instant: Date | number, timeZone: string, now = Date.now()): string {
  const day = inZone(instant, timeZone);
  const today = inZone(now, timeZone);
  const diff = differenceInCalendarDays(today, day);
  if (diff === 0) return `Today, ${format(day, "HH:mm")}`;
  if (diff === 1) return `Yesterday, ${format(day, "HH:mm")}`;
  return format(
    day,
    day.getFullYear() === today.getFullYear() ? "EEE d MMM, HH:mm" : "d MMM yyyy, HH:mm",
  );
}
