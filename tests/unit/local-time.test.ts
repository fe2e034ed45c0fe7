import { TZDate } from "@date-fns/tz";
import { fc, test } from "@fast-check/vitest";
import { format } from "date-fns";
import { describe, expect } from "vitest";
import { formatIsoDate, localDateTimeIn } from "@/lib/schemas/local-time";
import { zonedInstant } from "@/lib/schemas/zoned-instant";
import { oddZone } from "../helpers/zones";

// The contact form's wall clocks left date-fns's format for Intl; date-fns is the oracle.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

describe("wall-clock times", () => {
  test.prop([instant, oddZone, fc.boolean()])(
    "localDateTimeIn is what a datetime-local input shows, in the person's zone",
    (ms, tz, wholeMinute) => {
      const at = wholeMinute ? ms - (ms % 60_000) : ms - (ms % 1000);
      const zoned = new TZDate(at, tz);
      const expected = format(
        zoned,
        zoned.getSeconds() === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss",
      );
      expect(localDateTimeIn(at, tz)).toBe(expected);
      // And back: the instant it names shows the same wall clock (the night clocks go
      // back names two instants; either shows it).
      expect(localDateTimeIn(zonedInstant(expected, tz), tz)).toBe(expected);
    },
  );

  test.prop([fc.integer({ min: 0, max: 40_000 })])(
    "formatIsoDate says a calendar date in words",
    (n) => {
      const day = new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
      expect(formatIsoDate(day)).toBe(format(new Date(y, m - 1, d), "d MMMM yyyy"));
    },
  );
});
