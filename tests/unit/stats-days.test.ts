import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayRange,
  daysBetween,
  formatDay,
  formatLocalTime,
  isDay,
  localDay,
  mondayOf,
  startOfLocalDay,
} from "@/lib/stats";
import { ODD_ZONES } from "../helpers/zones";

const at = (iso: string) => new Date(iso);

describe("localDay", () => {
  it("puts the same instant on different days in Auckland and Los Angeles", () => {
    const instant = at("2026-07-01T20:00:00Z");
    expect(localDay(instant, "Pacific/Auckland")).toBe("2026-07-02"); // 08:00 NZST
    expect(localDay(instant, "America/Los_Angeles")).toBe("2026-07-01"); // 13:00 PDT
    expect(localDay(instant, "UTC")).toBe("2026-07-01");
  });

  it("follows Berlin's clocks across the spring change (29 March 2026, a 23-hour day)", () => {
    // 00:30 on the 30th is 22:30 UTC on the 29th once summer time has begun (UTC+2);
    // a fixed winter offset (UTC+1) would still call it 23:30 on the 29th.
    expect(localDay(at("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    // 23:30 on the 28th is still winter time.
    expect(localDay(at("2026-03-28T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    const start = startOfLocalDay("2026-03-29", "Europe/Berlin");
    const next = startOfLocalDay("2026-03-30", "Europe/Berlin");
    expect(start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((next.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it("follows Berlin's clocks across the autumn change (25 October 2026, a 25-hour day)", () => {
    expect(localDay(at("2026-10-24T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25"); // 00:30 CEST
    expect(localDay(at("2026-10-25T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25"); // 23:30 CET
    expect(localDay(at("2026-10-25T23:30:00Z"), "Europe/Berlin")).toBe("2026-10-26"); // 00:30 CET
    const start = startOfLocalDay("2026-10-25", "Europe/Berlin");
    const next = startOfLocalDay("2026-10-26", "Europe/Berlin");
    expect((next.getTime() - start.getTime()) / 3_600_000).toBe(25);
  });

  it("follows New York's clocks on 8 March and 1 November 2026", () => {
    // 23:30 local on the day summer time starts is 03:30 UTC the next morning (UTC-4).
    expect(localDay(at("2026-03-09T03:30:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDay(at("2026-03-09T04:30:00Z"), "America/New_York")).toBe("2026-03-09");
    // 23:30 local on the day it ends is 04:30 UTC (UTC-5).
    expect(localDay(at("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDay(at("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });
});

describe("startOfLocalDay", () => {
  it("is the first moment of the day, even where the clocks skip midnight", () => {
    // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026.
    const start = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(localDay(start, "America/Santiago")).toBe("2026-09-06");
    expect(localDay(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
    expect(startOfLocalDay("2026-07-15", "Asia/Kolkata").toISOString()).toBe(
      "2026-07-14T18:30:00.000Z",
    );
  });
});

describe("day arithmetic", () => {
  it("counts calendar days, whatever the clocks did in between", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-26", "2026-10-24")).toBe(-2);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(dayRange("2026-12-30", "2027-01-02")).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
    expect(dayRange("2026-01-02", "2026-01-01")).toEqual([]);
  });

  it("starts weeks on Monday", () => {
    expect(mondayOf("2026-07-13")).toBe("2026-07-13"); // a Monday
    expect(mondayOf("2026-07-19")).toBe("2026-07-13"); // Sunday belongs to the week before
    expect(mondayOf("2026-07-20")).toBe("2026-07-20");
    expect(mondayOf("2026-01-01")).toBe("2025-12-29"); // across a year
  });

  it("counts days since at local midnight, not 24 hours later", () => {
    const breakup = "2026-09-01";
    const zone = "Pacific/Auckland"; // UTC+12 in early September
    const lastSecond = at("2026-09-01T11:59:59Z"); // 23:59:59 on the 1st in Auckland
    const midnight = at("2026-09-01T12:00:00Z"); // 00:00 on the 2nd
    expect(daysBetween(breakup, localDay(lastSecond, zone))).toBe(0);
    expect(daysBetween(breakup, localDay(midnight, zone))).toBe(1);
    // The same instants are still the 1st in Los Angeles.
    expect(daysBetween(breakup, localDay(midnight, "America/Los_Angeles"))).toBe(0);
  });

  it("accepts only real days written as YYYY-MM-DD", () => {
    expect(isDay("2026-07-14")).toBe(true);
    expect(isDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2027-02-29", "2026-7-14", "14/07/2026", "2026-07-14T00:00"]) {
      expect(isDay(bad), bad).toBe(false);
    }
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("times in messages", () => {
  it("says when in the user's own zone, with 'tomorrow' across midnight", () => {
    const now = at("2026-07-14T11:05:00Z");
    expect(formatLocalTime(at("2026-07-14T12:05:00Z"), "Europe/Berlin", "en-GB", now)).toBe(
      "14:05",
    );
    expect(formatLocalTime(at("2026-07-14T12:05:00Z"), "America/New_York", "en-GB", now)).toBe(
      "08:05",
    );
    const lateNow = at("2026-07-14T21:40:00Z"); // 23:40 in Berlin
    expect(formatLocalTime(at("2026-07-14T22:40:00Z"), "Europe/Berlin", "en-GB", lateNow)).toBe(
      "00:40 tomorrow",
    );
    expect(formatLocalTime(at("2026-07-20T07:00:00Z"), "Europe/Berlin", "en-GB", now)).toBe(
      "09:00 on 20 Jul",
    );
    expect(formatDay("2026-07-02", "en-GB")).toBe("Thursday 2 July");
  });
});

describe("localDay against the platform's own calendar", () => {
  const oracle = (ms: number, timeZone: string) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(new Date(ms));

  it("names the same day as Intl for any instant from 2000 to 2040, DST nights included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ODD_ZONES),
        (ms, zone) => {
          expect(localDay(ms, zone)).toBe(oracle(ms, zone));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("is right at every minute around a change of the clocks, asked in any order", () => {
    // 29 March 2026, Paris: 02:00 becomes 03:00 (01:00 UTC); New York's autumn night too.
    for (const [zone, around] of [
      ["Europe/Paris", Date.UTC(2026, 2, 29, 1)],
      ["America/New_York", Date.UTC(2026, 10, 1, 6)],
    ] as const) {
      const minutes = Array.from({ length: 48 * 60 }, (_, i) => around + (i - 24 * 60) * 60_000);
      for (const ms of [...minutes].reverse()) expect(localDay(ms, zone)).toBe(oracle(ms, zone));
    }
  });
});
