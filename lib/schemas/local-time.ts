/**
 * Wall-clock times in a person's own zone, for the contact schemas and the contact form
 * alike. No zod here: the form's quick choices import this alone. Written with Intl, not
 * date-fns's format, which added 8 kB gzip to the contact form's page; turning a wall clock
 * back into an instant needs the zone's rules and lives in zoned-instant.ts, so the form
 * carries no @date-fns/tz either.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** "2026-09-14T18:30" (seconds optional, as a datetime-local input gives) as numbers. */
export function localParts(value: string): LocalParts | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((p) => Number(p ?? 0));
  const parts = { year, month, day, hour, minute, second } as LocalParts;
  // Date.UTC rolls 30 February over to March; a real date survives the round trip.
  const utc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  const real =
    utc.getUTCFullYear() === parts.year &&
    utc.getUTCMonth() === parts.month - 1 &&
    utc.getUTCDate() === parts.day &&
    parts.hour < 24 &&
    parts.minute < 60 &&
    parts.second < 60;
  return real ? parts : null;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `instant` in `timeZone`, as a datetime-local input wants it. */
export function localDateTimeIn(instant: Date | number, timeZone: string): string {
  let clock = wallClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    wallClocks.set(timeZone, clock);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of clock.formatToParts(instant)) part[p.type] = p.value;
  const minutes = `${part.year?.padStart(4, "0")}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
  return part.second === "00" ? minutes : `${minutes}:${part.second}`;
}

// Made on first use, not when a page loads this module (see mutation-errors.ts).
let longDate: Intl.DateTimeFormat | undefined;

/** "1 September 2026", for a calendar date ("2026-09-01") with no zone of its own. */
export function formatIsoDate(isoDate: string): string {
  const [y = 1970, m = 1, d = 1] = isoDate.split("-").map(Number);
  longDate ??= new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return longDate.format(Date.UTC(y, m - 1, d));
}
