/**
 * Dates and numbers in the person's language, through Intl. A calendar day ("YYYY-MM-DD")
 * is formatted as that date in UTC, so the device's own zone can never shift it by one;
 * an instant is formatted in the zone the person chose.
 */
import type { Day } from "./days";

/** Formatters cost tens of microseconds to build: one per language and shape is kept. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    if (cache.size > 500) cache.clear();
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    if (cache.size > 500) cache.clear();
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const dayAsDate = (day: Day) => new Date(`${day}T00:00:00Z`);

/** A calendar day in words: "Thursday 2 July" (en-GB), "Donnerstag, 2. Juli" (de-DE). */
export function formatDay(day: Day, locale: string): string {
  return dateFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(dayAsDate(day));
}

/** "2 Jul" (en-GB), "Jul 2" (en-US), "2. Juli" (de-DE). */
export function shortDay(day: Day, locale: string): string {
  return dateFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    dayAsDate(day),
  );
}

/** The month's short name: "Jul", "Juli". */
export function monthName(day: Day, locale: string): string {
  return dateFormat(locale, { month: "short", timeZone: "UTC" }).format(dayAsDate(day));
}

/** The weekday's short name: "Mon", "Mo". */
export function weekdayName(day: Day, locale: string): string {
  return dateFormat(locale, { weekday: "short", timeZone: "UTC" }).format(dayAsDate(day));
}

/** An instant's date and time in `timeZone`, in the shape `options` asks for. */
export function formatInstant(
  instant: Date | number,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return dateFormat(locale, { ...options, timeZone }).format(instant);
}

/** "14:05" (en-GB), "2:05 PM" (en-US): the clock time in `timeZone`. */
export function clockTime(instant: Date | number, timeZone: string, locale: string): string {
  return formatInstant(instant, timeZone, locale, { timeStyle: "short" });
}

/**
 * A clock time on `day`, `gap` calendar days after today: "14:05", "00:30 tomorrow", or
 * "09:00 on 3 Jul" further on. The days are counted by the caller, which has a zone.
 */
export function timeOnDay(time: string, gap: number, day: Day, locale: string): string {
  if (gap === 0) return time;
  if (gap === 1) return `${time} tomorrow`;
  return `${time} on ${shortDay(day, locale)}`;
}

/**
 * A time of day saved as "20:30", as the person's language writes it: "20:30" (en-GB),
 * "8:30 PM" (en-US), the way their browser's time field shows it. Anything else comes back as is.
 */
export function wallClock(hhmm: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  const at = Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]));
  return dateFormat(locale, { timeStyle: "short", timeZone: "UTC" }).format(at);
}

/** A whole number with the language's grouping: "12,345", "12.345". */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** At most one decimal: "3.4" (en), "3,4" (de), "4" for a whole one. */
export function oneDecimal(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

// The words around a count are English, so English's plural rule picks them (French would
// make "0 day" of zero, Russian "21 day"); the number itself is written the person's way.
// Made on first use, not when a page loads this module (see mutation-errors.ts).
let englishPlural: Intl.PluralRules | undefined;

/** The noun alone, for when the number is set apart: "day" for 1, "days" for 0, 2 or 21. */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  englishPlural ??= new Intl.PluralRules("en");
  return englishPlural.select(n) === "one" ? one : many;
}

/** "1 day", "3 days", "1.234 days" (de): a count with the English word that fits it. */
export function countOf(n: number, one: string, locale: string, many = `${one}s`): string {
  return `${formatCount(n, locale)} ${countNoun(n, one, many)}`;
}
