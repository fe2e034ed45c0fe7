/**
 * When a resting draft is ready, said in the browser: lib/stats's formatLocalTime, with the
 * person's day found through Intl rather than the zone's rules, so the draft pages carry no
 * @date-fns/tz. A draft shows one or two of these, where Intl's slower call never shows.
 */
import { localDateTimeIn } from "@/lib/schemas/local-time";
import { clockTime, timeOnDay } from "@/lib/stats/format";

/** The calendar day, "2026-11-24", an instant falls on in `timeZone`. */
const dayIn = (instant: Date, timeZone: string) => localDateTimeIn(instant, timeZone).slice(0, 10);

/** Calendar days from one "YYYY-MM-DD" to another: each parses as midnight UTC. */
const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** lib/stats's formatLocalTime, its days counted through Intl: "14:05", "00:30 tomorrow". */
export function readyTime(instant: Date, timeZone: string, locale: string, now = new Date()) {
  const day = dayIn(instant, timeZone);
  const gap = daysFrom(dayIn(now, timeZone), day);
  return timeOnDay(clockTime(instant, timeZone, locale), gap, day, locale);
}
