import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { quickTime } from "@/app/(app)/contacts/quick-when";
import { zonedInstant } from "@/lib/schemas/zoned-instant";
import { localDay, startOfLocalDay } from "@/lib/stats/days";
import { oddZone } from "../helpers/zones";

const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const HOUR = 3_600_000;
const minuteOf = (ms: number) => ms - (((ms % 60_000) + 60_000) % 60_000);

// The quick choices work in wall-clock text; the server's zone arithmetic is the oracle for
// the instant each one is saved as.
describe("the contact form's quick times", () => {
  test.prop([instant, oddZone])("'Just now' and 'Yesterday' are saved to the minute", (now, tz) => {
    expect(zonedInstant(quickTime("now", tz, now), tz).getTime()).toBe(minuteOf(now));
    // The night clocks go back names one wall clock twice: either instant shows it.
    const yesterday = zonedInstant(quickTime("yesterday", tz, now), tz).getTime();
    expect([
      minuteOf(now - 24 * HOUR),
      minuteOf(now - 24 * HOUR) - HOUR,
      minuteOf(now - 24 * HOUR) + HOUR,
    ]).toContain(yesterday);
  });

  test.prop([instant, oddZone], {
    // Chatham's clocks went back at 03:45 that night, so at 03:45 "two hours ago" (02:45)
    // was shown twice, an hour apart; the later one once failed an oracle that allowed only
    // the earlier.
    examples: [[Date.UTC(2011, 3, 2, 15), "Pacific/Chatham"]],
  })(
    "'Earlier today' is two hours ago, or the day's first moment when that was yesterday",
    (now, tz) => {
      const saved = zonedInstant(quickTime("earlier", tz, now), tz).getTime();
      const today = localDay(now, tz);
      expect(localDay(saved, tz)).toBe(today);
      if (localDay(now - 2 * HOUR, tz) === today) {
        // The night clocks go back names one wall clock twice: either instant shows it.
        const twoHoursAgo = minuteOf(now - 2 * HOUR);
        expect([twoHoursAgo, twoHoursAgo - HOUR, twoHoursAgo + HOUR]).toContain(saved);
      } else {
        expect(saved).toBe(startOfLocalDay(today, tz).getTime());
      }
    },
  );
});
