/**
 * Calendar days as the user lives them. A day is a "YYYY-MM-DD" string in the user's own
 * time zone: streaks, calendars and "days since" all count these, never 24-hour spans, so a
 * daylight-saving change or a flight across zones never adds or drops a day.
 *
 * Turning an instant into a day, or a day into an instant, needs the zone's rules and goes
 * through @date-fns/tz. Once days are strings they carry no zone, and arithmetic on them is
 * plain calendar counting on day numbers (days since 1970-01-01), where every day is one.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import { clockTime, timeOnDay } from "./format";
import type { WeekStartsOn } from "./locale";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

/** Where and when the user is: "today" is the day `now` falls on in `timeZone`. */
export interface UserClock {
  timeZone: string;
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date;
  /** The language for any date put into words; "en" when not given. */
  locale?: string;
}

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The day's number on the calendar, or null when it isn't a real day. */
function dayNumber(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2026-02-30 over to 2 March: a real day reads back the same.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/**
 * Remembers a pure function's answers, up to `size` of them. A dashboard turns a few hundred
 * instants into days and back, nearly all on the same 90 or so days; remembering them
 * saves about a millisecond of CPU a request (measured with the bench's --cpu-prof).
 */
function remembered<K, V>(size: number, work: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = work(key);
      if (known.size >= size) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

const toNumber = remembered(4096, (day: Day): number => {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`Not a day: ${JSON.stringify(day)}`);
  return n;
});

const fromNumber = remembered(4096, (n: number): Day => {
  const date = new Date(n * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
});

/** True for a real calendar day written as "YYYY-MM-DD" (not 2026-02-30). */
export function isDay(value: string): value is Day {
  return dayNumber(value) !== null;
}

/**
 * A zone's offset from UTC in minutes through one UTC day, or null when it changes during
 * that day (a daylight-saving night), keyed "zone|day number".
 */
const offsetThroughDay = remembered(20_000, (key: string): number | null => {
  const bar = key.lastIndexOf("|");
  const zone = key.slice(0, bar);
  const start = Number(key.slice(bar + 1)) * MS_PER_DAY;
  const first = tzOffset(zone, new Date(start));
  return first === tzOffset(zone, new Date(start + MS_PER_DAY - 1)) ? first : null;
});

/** The day an instant falls on in `timeZone`. */
export function localDay(instant: Date | number, timeZone: string): Day {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const offset =
    offsetThroughDay(`${timeZone}|${Math.floor(ms / MS_PER_DAY)}`) ??
    tzOffset(timeZone, new Date(ms));
  return fromNumber(Math.floor((ms + offset * 60_000) / MS_PER_DAY));
}

/** `day` moved by `amount` calendar days (negative goes back). */
export function addDays(day: Day, amount: number): Day {
  return fromNumber(toNumber(day) + amount);
}

/** Calendar days from `from` to `to`: 1 from yesterday to today, negative when `to` is earlier. */
export function daysBetween(from: Day, to: Day): number {
  return toNumber(to) - toNumber(from);
}

/** The weekday of `day`, 0 for Sunday to 6 for Saturday, as Date.getUTCDay counts. */
export function weekdayOf(day: Day): number {
  // Day 0, 1 January 1970, was a Thursday (4).
  return (((toNumber(day) + 4) % 7) + 7) % 7;
}

/** The first day of the week that holds `day`, for weeks that begin on `weekStartsOn`. */
export function weekStartOf(day: Day, weekStartsOn: WeekStartsOn): Day {
  const since = (weekdayOf(day) - weekStartsOn + 7) % 7;
  return addDays(day, -since);
}

/** The Monday on or before `day`. */
export function mondayOf(day: Day): Day {
  return weekStartOf(day, 1);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function dayRange(from: Day, to: Day): Day[] {
  const start = toNumber(from);
  const count = toNumber(to) - start + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => fromNumber(start + i));
}

/** The instant `day` begins in `timeZone` (its first existing minute on a DST-gap day). */
export function startOfLocalDay(day: Day, timeZone: string): Date {
  return new Date(startOfLocalDayMs(`${timeZone}|${day}`));
}

/** A TZDate asks Intl for the zone's offset several times: 0.3 ms of /home's CPU unremembered. */
const startOfLocalDayMs = remembered(20_000, (key: string): number => {
  const bar = key.lastIndexOf("|");
  const date = new Date(toNumber(key.slice(bar + 1) as Day) * MS_PER_DAY);
  const zone = key.slice(0, bar);
  return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), zone).getTime();
});

/**
 * "14:05", or "00:30 tomorrow" when the instant falls on the day after `now`, both in
 * `timeZone`; later days get a date too ("09:00 on 3 Jul"). Times and dates follow `locale`.
 */
export function formatLocalTime(
  instant: Date,
  timeZone: string,
  locale: string,
  now = new Date(),
): string {
  const day = localDay(instant, timeZone);
  const gap = daysBetween(localDay(now, timeZone), day);
  return timeOnDay(clockTime(instant, timeZone, locale), gap, day, locale);
}
