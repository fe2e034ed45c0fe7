import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addDays, computeStreak, type Day, localDay } from "@/lib/stats";

const TODAY = "2026-07-15";
/** Days back from TODAY: back(0) is today, back(1) yesterday. */
const back = (n: number) => addDays(TODAY, -n);
const streakOf = (active: number[], paused: number[] = [], today: Day = TODAY) =>
  computeStreak({ activeDays: active.map(back), pauseDays: paused.map(back), today });

describe("the streak", () => {
  it("counts consecutive active days up to today", () => {
    expect(streakOf([0, 1, 2, 3])).toMatchObject({ current: 4, activeToday: true, since: back(3) });
  });

  it("is still alive while today has no activity yet, counted from yesterday", () => {
    expect(streakOf([1, 2, 3])).toMatchObject({ current: 3, activeToday: false });
  });

  it("ends at a day without activity or pause", () => {
    expect(streakOf([0, 1, 3, 4, 5])).toMatchObject({ current: 2, longest: 3 });
    // Two empty days, yesterday and today: the run is over.
    expect(streakOf([2, 3, 4])).toMatchObject({ current: 0, longest: 3, since: null });
  });

  it("survives a pause day, which bridges the gap but adds nothing", () => {
    expect(streakOf([0, 2, 3], [1])).toMatchObject({ current: 3 });
    expect(streakOf([0, 3], [1, 2])).toMatchObject({ current: 2 });
    // A pause yesterday keeps it alive even while today is still open.
    expect(streakOf([2, 3], [1])).toMatchObject({ current: 2, activeToday: false });
  });

  it("is zero with only pause days, and counts an active pause day once", () => {
    expect(streakOf([], [0, 1, 2])).toMatchObject({ current: 0, longest: 0 });
    expect(streakOf([0, 1], [1])).toMatchObject({ current: 2 });
  });

  it("bridges with pauses in the longest run too", () => {
    expect(streakOf([0, 10, 11, 13, 14], [12])).toMatchObject({ current: 1, longest: 4 });
  });

  it("ignores planned days after today", () => {
    expect(computeStreak({ activeDays: [addDays(TODAY, 1)], pauseDays: [], today: TODAY })).toEqual(
      { current: 0, longest: 0, activeToday: false, since: null },
    );
  });

  it("counts days across the spring clock change in Berlin", () => {
    // Every night at 23:30 Berlin time, from Friday 27 to Tuesday 31 March 2026. Summer
    // time starts on the 29th, so the UTC hour shifts from 22:30 to 21:30.
    const instants = [
      "2026-03-27T22:30:00Z",
      "2026-03-28T22:30:00Z",
      "2026-03-29T21:30:00Z",
      "2026-03-30T21:30:00Z",
      "2026-03-31T21:30:00Z",
    ].map((s) => new Date(s));
    const days = instants.map((i) => localDay(i, "Europe/Berlin"));
    expect(new Set(days).size).toBe(5);
    expect(computeStreak({ activeDays: days, pauseDays: [], today: "2026-03-31" }).current).toBe(5);
  });

  it("counts days across the autumn clock change in Berlin and New York", () => {
    // Shortly after midnight each day: 00:15 local, 24 October to 27 October 2026 in Berlin.
    const berlin = ["2026-10-23T22:15:00Z", "2026-10-24T22:15:00Z", "2026-10-25T23:15:00Z"].map(
      (s) => localDay(new Date(s), "Europe/Berlin"),
    );
    expect(berlin).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    expect(computeStreak({ activeDays: berlin, pauseDays: [], today: "2026-10-26" }).current).toBe(
      3,
    );
    // 23:45 local in New York, 31 October to 2 November: the offset moves from -4 to -5.
    const newYork = ["2026-11-01T03:45:00Z", "2026-11-02T04:45:00Z", "2026-11-03T04:45:00Z"].map(
      (s) => localDay(new Date(s), "America/New_York"),
    );
    expect(newYork).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(computeStreak({ activeDays: newYork, pauseDays: [], today: "2026-11-02" }).current).toBe(
      3,
    );
  });

  it("depends on the user's time zone: the same instants make a streak in one and a gap in another", () => {
    // Morning activity in Auckland on three days: 08:00, 09:00, 08:30 NZST (UTC+12).
    const instants = ["2026-07-13T20:00:00Z", "2026-07-14T21:00:00Z", "2026-07-15T20:30:00Z"].map(
      (s) => new Date(s),
    );
    const auckland = instants.map((i) => localDay(i, "Pacific/Auckland"));
    expect(auckland).toEqual(["2026-07-14", "2026-07-15", "2026-07-16"]);
    expect(
      computeStreak({ activeDays: auckland, pauseDays: [], today: "2026-07-16" }).current,
    ).toBe(3);
    // In Los Angeles the same moments fall on the 13th, 14th and 15th: checked on the 17th
    // there (the 16th passed without activity), the run is over.
    const la = instants.map((i) => localDay(i, "America/Los_Angeles"));
    expect(la).toEqual(["2026-07-13", "2026-07-14", "2026-07-15"]);
    expect(computeStreak({ activeDays: la, pauseDays: [], today: "2026-07-17" }).current).toBe(0);
    expect(computeStreak({ activeDays: la, pauseDays: [], today: "2026-07-16" }).current).toBe(3);
  });
});

describe("streak properties", () => {
  const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });

  test.prop([offsets, offsets])(
    "never exceeds the number of distinct active days, and longest ≥ current",
    (active, paused) => {
      const s = streakOf(active, paused);
      expect(s.current).toBeLessThanOrEqual(new Set(active).size);
      expect(s.longest).toBeGreaterThanOrEqual(s.current);
      expect(s.longest).toBeLessThanOrEqual(new Set(active).size);
    },
  );

  test.prop([offsets, offsets, fc.integer({ min: 0, max: 60 })])(
    "never drops when a pause day is added",
    (active, paused, extra) => {
      const before = streakOf(active, paused);
      const after = streakOf(active, [...paused, extra]);
      expect(after.current).toBeGreaterThanOrEqual(before.current);
      expect(after.longest).toBeGreaterThanOrEqual(before.longest);
    },
  );

  test.prop([offsets, offsets, fc.integer({ min: 0, max: 60 })])(
    "never drops when an active day is added",
    (active, paused, extra) => {
      const before = streakOf(active, paused);
      expect(streakOf([...active, extra], paused).current).toBeGreaterThanOrEqual(before.current);
    },
  );

  test.prop([fc.integer({ min: 1, max: 60 })])(
    "of n days in a row ending yesterday or today is n",
    (n) => {
      const run = Array.from({ length: n }, (_, i) => i);
      expect(streakOf(run).current).toBe(n);
      expect(streakOf(run.map((i) => i + 1)).current).toBe(n);
      expect(streakOf(run.map((i) => i + 2)).current).toBe(0);
    },
  );
});
