/**
 * A moment as a person reads it, in their profile's zone and in the language the server
 * settled for the request: its time or its date, said by Intl with no day counted, so a page
 * that shows one (a journal entry) carries no zone rules (@date-fns/tz). Saying "today" or
 * "yesterday" counts days, and is in dates.ts.
 */
import { formatInstant } from "@/lib/stats/format";

/** A date in short: "Tue 24 Nov" in en-GB. */
export const SHORT_DATE: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
};
const MIDNIGHT: Intl.DateTimeFormatOptions = {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
};

/** True when the instant is exactly the start of a day where the person lives. */
export function isLocalMidnight(instant: Date | number, timeZone: string): boolean {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return ms % 1000 === 0 && formatInstant(ms, timeZone, "en-GB", MIDNIGHT) === "00:00:00";
}

/** "21:14" (en-GB), "9:14 PM" (en-US). */
export function timeOfDay(instant: Date | number, timeZone: string, locale: string): string {
  return formatInstant(instant, timeZone, locale, { timeStyle: "short" });
}

/** "Tue 24 Nov 2026, 21:14" in en-GB; each language its own way. */
export function dateTime(instant: Date | number, timeZone: string, locale: string): string {
  return formatInstant(instant, timeZone, locale, {
    ...SHORT_DATE,
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
}
