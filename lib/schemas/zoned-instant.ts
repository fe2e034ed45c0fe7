/**
 * Wall-clock times back to instants, for the server's contact rules. This needs the zone's
 * daylight-saving rules (@date-fns/tz), so it lives apart from local-time.ts, whose Intl
 * wall clocks the contact form carries to the browser.
 */
import { TZDate } from "@date-fns/tz";
import { localParts } from "./local-time";

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a daylight-saving
 * change (02:30 on the night clocks jump to 03:00) moves forward by the jump.
 */
export function zonedInstant(localDateTime: string, timeZone: string): Date {
  const p = localParts(localDateTime);
  if (!p) throw new RangeError(`Not a local date and time: ${localDateTime}`);
  const at = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, timeZone);
  return new Date(at.getTime());
}

/** Midnight at the start of a calendar date ("2026-09-01") in `timeZone`. */
export function startOfLocalDate(isoDate: string, timeZone: string): Date {
  return zonedInstant(`${isoDate}T00:00`, timeZone);
}
