import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { readyTime } from "@/app/(app)/drafts/ready-time";
import { formatLocalTime, startOfLocalDay } from "@/lib/stats/days";
import { oddZone } from "../helpers/zones";

// The drafts' cool-down finds the person's day through Intl in the browser; the server's
// days, built on the zone's rules, are the oracle, across odd offsets and clock changes.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const DAY = 86_400_000;

describe("a draft's ready time, through Intl alone", () => {
  test.prop([
    instant,
    fc.integer({ min: -2 * DAY, max: 9 * DAY }),
    oddZone,
    fc.constantFrom("en-GB", "en-US", "de-DE"),
  ])("says what lib/stats's formatLocalTime says", (now, ahead, tz, locale) => {
    const at = new Date(now + ahead);
    expect(readyTime(at, tz, locale, new Date(now))).toBe(
      formatLocalTime(at, tz, locale, new Date(now)),
    );
  });

  // Where a wrong offset would show: minutes either side of midnights where the person lives.
  test.prop([
    fc.integer({ min: 7_300, max: 32_800 }),
    fc.integer({ min: -90, max: 90 }),
    fc.integer({ min: -2, max: 3 }),
    fc.integer({ min: -90, max: 90 }),
    oddZone,
  ])("counts days as lib/stats does around midnight", (day, nowShift, days, atShift, tz) => {
    const midnight = startOfLocalDay(new Date(day * DAY).toISOString().slice(0, 10), tz);
    const now = new Date(midnight.getTime() + nowShift * 60_000);
    const at = new Date(midnight.getTime() + days * DAY + atShift * 60_000);
    expect(readyTime(at, tz, "en-GB", now)).toBe(formatLocalTime(at, tz, "en-GB", now));
  });
});
