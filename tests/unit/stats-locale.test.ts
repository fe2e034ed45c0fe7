import { describe, expect, it } from "vitest";
import { weekStart } from "@/db/schema";
import {
  activityCalendar,
  countOf,
  formatCount,
  formatDay,
  formatLocalTime,
  initiative,
  monthName,
  negotiateLocale,
  oneDecimal,
  shortDay,
  WEEK_START_CHOICES,
  weekdayName,
  weekdayOf,
  weekStartFor,
  weekStartOf,
} from "@/lib/stats";

const WEDNESDAY = "2026-07-15";

describe("the language a request asks for", () => {
  it("takes the browser's first choice by weight, and English without one", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(negotiateLocale("en;q=0.5, fr-CA")).toBe("fr-CA");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
  });

  it("skips tags that are not languages, and one the browser weighted at zero", () => {
    expect(negotiateLocale("not a tag!!, en-GB;q=0.4")).toBe("en-GB");
    expect(negotiateLocale("de;q=0, en-US;q=0.2")).toBe("en-US");
    expect(negotiateLocale("x".repeat(10_000))).toBe("en");
  });
});

describe("dates and numbers in the person's language", () => {
  it("writes German month and day names, and a comma before decimals", () => {
    expect(formatDay("2026-07-02", "de-DE")).toBe("Donnerstag, 2. Juli");
    expect(monthName("2026-10-01", "de-DE")).toBe("Okt");
    expect(weekdayName("2026-07-13", "de-DE")).toBe("Mo");
    expect(oneDecimal(3.44, "de-DE")).toBe("3,4");
    expect(formatCount(12_345, "de-DE")).toBe("12.345");
  });

  it("puts the month first in American English and after the day in British", () => {
    expect(formatDay("2026-07-02", "en-US")).toBe("Thursday, July 2");
    expect(formatDay("2026-07-02", "en-GB")).toBe("Thursday 2 July");
    expect(shortDay("2026-07-02", "en-US")).toBe("Jul 2");
    expect(shortDay("2026-07-02", "en-GB")).toBe("2 Jul");
    expect(oneDecimal(3.44, "en-US")).toBe("3.4");
    expect(oneDecimal(4, "en-US")).toBe("4");
  });

  it("shows a clock time the local way, in the person's zone", () => {
    const now = new Date("2026-07-14T11:05:00Z");
    const at = new Date("2026-07-14T12:05:00Z");
    expect(formatLocalTime(at, "America/New_York", "en-US", now)).toBe("8:05 AM");
    expect(formatLocalTime(at, "America/New_York", "en-GB", now)).toBe("08:05");
    expect(formatLocalTime(at, "Europe/Berlin", "de-DE", now)).toBe("14:05");
  });

  it("keeps a day on its own date, whatever the device's zone", () => {
    // Late in the day west of UTC, a Date made from the day would read as the day before.
    expect(formatDay("2026-01-01", "en-US")).toBe("Thursday, January 1");
    expect(formatDay("2026-12-31", "en-GB")).toBe("Thursday 31 December");
  });

  it("counts with the English word that fits and the number the person's way", () => {
    expect(countOf(1, "day", "en-US")).toBe("1 day");
    expect(countOf(0, "day", "en-US")).toBe("0 days");
    expect(countOf(1234, "day", "de-DE")).toBe("1.234 days");
    expect(countOf(2, "pause day", "en-GB")).toBe("2 pause days");
  });
});

describe("where a week starts", () => {
  it("follows the language when left automatic", () => {
    expect(weekStartFor("auto", "en-US")).toBe(0);
    expect(weekStartFor("auto", "en-GB")).toBe(1);
    expect(weekStartFor("auto", "de-DE")).toBe(1);
    expect(weekStartFor("auto", "ar-EG")).toBe(6);
    expect(weekStartFor("auto", "en")).toBe(0);
  });

  it("lets the person's choice win over the language", () => {
    expect(weekStartFor("monday", "en-US")).toBe(1);
    expect(weekStartFor("sunday", "en-GB")).toBe(0);
    expect(weekStartFor("saturday", "de-DE")).toBe(6);
  });

  it("offers the same choices the database stores", () => {
    expect([...WEEK_START_CHOICES]).toEqual(weekStart.enumValues);
  });

  it("finds the week's first day for any start", () => {
    expect(weekdayOf(WEDNESDAY)).toBe(3);
    expect(weekStartOf(WEDNESDAY, 1)).toBe("2026-07-13");
    expect(weekStartOf(WEDNESDAY, 0)).toBe("2026-07-12");
    expect(weekStartOf(WEDNESDAY, 6)).toBe("2026-07-11");
    expect(weekStartOf("2026-07-11", 6)).toBe("2026-07-11"); // a Saturday starts its own week
    expect(weekStartOf("2026-01-01", 0)).toBe("2025-12-28"); // across a year
  });

  it("draws the calendar's columns from that day", () => {
    for (const weekStartsOn of [0, 1, 6] as const) {
      const cal = activityCalendar({
        counts: new Map(),
        pauseDays: [],
        today: WEDNESDAY,
        weekStartsOn,
      });
      expect(cal.days).toHaveLength(84);
      for (let i = 0; i < 84; i += 7) expect(weekdayOf(cal.days[i]?.day ?? "")).toBe(weekStartsOn);
      expect(cal.days.some((d) => d.day === WEDNESDAY && !d.future)).toBe(true);
    }
    expect(
      activityCalendar({ counts: new Map(), pauseDays: [], today: WEDNESDAY, weekStartsOn: 0 }).end,
    ).toBe("2026-07-18");
  });

  it("puts a Sunday contact in a different week for Sunday and Monday starts", () => {
    const contacts = [{ day: "2026-07-12", initiator: "them" as const }]; // a Sunday
    const monday = initiative({ contacts, today: WEDNESDAY, weekStartsOn: 1 });
    const sunday = initiative({ contacts, today: WEDNESDAY, weekStartsOn: 0 });
    expect(monday.weeks.at(-1)).toEqual({ weekStart: "2026-07-13", me: 0, them: 0 });
    expect(monday.weeks.at(-2)).toEqual({ weekStart: "2026-07-06", me: 0, them: 1 });
    expect(sunday.weeks.at(-1)).toEqual({ weekStart: "2026-07-12", me: 0, them: 1 });
  });
});
