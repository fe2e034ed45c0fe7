import { type Day, daysBetween, localDay } from "@/lib/stats/days";
import { formatInstant } from "@/lib/stats/format";
import { SHORT_DATE, timeOfDay } from "./moments";

/**
 * Dates as a person reads them, always in their profile's zone (never the server's or the
 * device's), so a late-night entry sits on the day it was written where they live, and in
 * the language the server settled for the request (passed down, so both sides agree).
 * Built on lib/stats's days, not date-fns's format: this file runs in the browser, where
 * date-fns's formatting added 5 kB gzip to every page listing dates. A moment said without
 * counting days (its time, its date) is in moments.ts, which needs no zone rules.
 */

/** "2026-11-24": groups things by the person's own calendar day. */
export function dayKey(instant: Date | number, timeZone: string): Day {
  return localDay(instant, timeZone);
}

/** Calendar days from the instant's day to today's, both where the person lives. */
const daysAgo = (instant: Date | number, timeZone: string, now: Date | number) =>
  daysBetween(localDay(instant, timeZone), localDay(now, timeZone));

const sameYear = (instant: Date | number, timeZone: string, now: Date | number) =>
  localDay(instant, timeZone).slice(0, 4) === localDay(now, timeZone).slice(0, 4);

/** "Today", "Yesterday", "Tuesday 24 November", or with the year when it isn't this one. */
export function dayHeading(
  instant: Date | number,
  timeZone: string,
  locale: string,
  now = Date.now(),
): string {
  const diff = daysAgo(instant, timeZone, now);
  if (diff === 0) return "Today";
  if (diff === 1) return "Yesterday";
  return formatInstant(instant, timeZone, locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear(instant, timeZone, now) ? {} : { year: "numeric" }),
  });
}

/**
 * The parts both ways of saying a moment share: whether it was today or yesterday where the
 * person lives, its time, and otherwise its date (with the year when it isn't this one).
 */
function moment(instant: Date | number, timeZone: string, locale: string, now: Date | number) {
  const diff = daysAgo(instant, timeZone, now);
  const time = timeOfDay(instant, timeZone, locale);
  const date = () =>
    formatInstant(
      instant,
      timeZone,
      locale,
      sameYear(instant, timeZone, now)
        ? SHORT_DATE
        : { day: "numeric", month: "short", year: "numeric" },
    );
  return { day: diff === 0 ? "today" : diff === 1 ? "yesterday" : undefined, time, date };
}

/** "Today, 21:14", "Yesterday, 08:02", "Tue 24 Nov, 21:14", or "3 Mar 2025, 21:14". */
export function shortDateTime(
  instant: Date | number,
  timeZone: string,
  locale: string,
  now = Date.now(),
): string {
  const { day, time, date } = moment(instant, timeZone, locale, now);
  if (day === "today") return `Today, ${time}`;
  if (day === "yesterday") return `Yesterday, ${time}`;
  return `${date()}, ${time}`;
}

/**
 * The same moment in the middle of a sentence: "today at 21:14", "yesterday at 08:02",
 * "on Tue 24 Nov at 21:14", "on 3 Mar 2025 at 21:14" (the time in the language's own way).
 */
export function whenInWords(
  instant: Date | number,
  timeZone: string,
  locale: string,
  now = Date.now(),
): string {
  const { day, time, date } = moment(instant, timeZone, locale, now);
  return day ? `${day} at ${time}` : `on ${date()} at ${time}`;
}
