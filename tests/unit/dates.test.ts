import { TZDate } from "@date-fns/tz";
import { fc, test } from "@fast-check/vitest";
import { differenceInCalendarDays, format } from "date-fns";
import { describe, expect } from "vitest";
import { dayHeading, dayKey } from "@/app/_components/dates";
import { isLocalMidnight } from "@/app/_components/moments";
import { oddZone } from "../helpers/zones";

// The browser's date helpers left date-fns's format for lib/stats's days; date-fns stays
// the oracle here, across zones with odd offsets and clock changes.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

describe("dates as a person reads them", () => {
  test.prop([instant, oddZone])("dayKey is the calendar day where the person lives", (ms, tz) => {
    expect(dayKey(ms, tz)).toBe(format(new TZDate(ms, tz), "yyyy-MM-dd"));
  });

  test.prop([fc.integer({ min: 10_950, max: 25_550 }), oddZone, fc.constantFrom(0, 1, 60_000, -1)])(
    "isLocalMidnight is true exactly at the first moment of a local day",
    (dayNumber, tz, shift) => {
      const d = new Date(dayNumber * 86_400_000);
      const midnight = new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), tz);
      const ms = midnight.getTime() + shift;
      expect(isLocalMidnight(ms, tz)).toBe(
        format(new TZDate(ms, tz), "HH:mm:ss.SSS") === "00:00:00.000",
      );
    },
  );

  test.prop([instant, fc.integer({ min: 0, max: 3 * 86_400_000 }), oddZone])(
    "dayHeading says today and yesterday as date-fns counts",
    (then, later, tz) => {
      const now = then + later;
      const diff = differenceInCalendarDays(new TZDate(now, tz), new TZDate(then, tz));
      const heading = dayHeading(then, tz, "en-GB", now);
      if (diff === 0) expect(heading).toBe("Today");
      else if (diff === 1) expect(heading).toBe("Yesterday");
      else expect(heading).not.toMatch(/^(Today|Yesterday)$/);
    },
  );
});
