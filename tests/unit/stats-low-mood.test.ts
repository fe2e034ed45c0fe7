import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addDays, localDay, offersSupport } from "@/lib/stats";

const TODAY = "2026-07-15";
/** Days back from TODAY: back(0) is today, back(1) yesterday. */
const back = (n: number) => addDays(TODAY, -n);
/** Moods as [days back, mood] pairs. */
const offer = (moods: [number, number][]) =>
  offersSupport({ moods: moods.map(([n, mood]) => ({ day: back(n), mood })), today: TODAY });

/** A mood on a day from three days ahead to twenty days back. */
const mood = fc.record({
  day: fc.integer({ min: -3, max: 20 }).map(back),
  mood: fc.integer({ min: 1, max: 5 }),
});

describe("the offer of support", () => {
  it("comes after three very low days running in the last week", () => {
    expect(
      offer([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    ).toBe(true);
    // The last of the three days may be a few days ago, the first six days back.
    expect(
      offer([
        [4, 1],
        [5, 1],
        [6, 1],
      ]),
    ).toBe(true);
  });

  it("does not come for two such days, a gap between them, or a run older than a week", () => {
    expect(
      offer([
        [0, 1],
        [1, 1],
      ]),
    ).toBe(false);
    expect(
      offer([
        [0, 1],
        [1, 1],
        [3, 1],
        [4, 1],
      ]),
    ).toBe(false);
    expect(
      offer([
        [5, 1],
        [6, 1],
        [7, 1],
      ]),
    ).toBe(false);
  });

  it("counts a day by its lowest mood, not its mean", () => {
    expect(
      offer([
        [0, 1],
        [0, 5],
        [1, 1],
        [1, 4],
        [2, 5],
        [2, 1],
      ]),
    ).toBe(true);
  });

  it("counts only 'Very low': three days of 'Low' are not enough", () => {
    expect(
      offer([
        [0, 2],
        [1, 2],
        [2, 2],
      ]),
    ).toBe(false);
  });

  test.prop([fc.array(mood, { maxLength: 40 })])(
    "comes exactly when each of three days in a row in the week had a very low mood",
    (moods) => {
      const low = new Set(moods.filter((m) => m.mood === 1).map((m) => m.day));
      const hasRun = [0, 1, 2, 3, 4].some((n) => [n, n + 1, n + 2].every((d) => low.has(back(d))));
      expect(offersSupport({ moods, today: TODAY })).toBe(hasRun);
    },
  );

  test.prop([fc.integer({ min: 0, max: 4 }), fc.array(mood, { maxLength: 40 })])(
    "once three very low days run in the week, no other mood takes the offer back",
    (first, others) => {
      const run = [first, first + 1, first + 2].map((n) => ({ day: back(n), mood: 1 }));
      expect(offersSupport({ moods: [...others, ...run], today: TODAY })).toBe(true);
    },
  );

  test.prop([fc.array(mood, { maxLength: 40 })])(
    "does not depend on the order moods come in",
    (moods) => {
      const answer = offersSupport({ moods, today: TODAY });
      expect(offersSupport({ moods: [...moods].reverse(), today: TODAY })).toBe(answer);
    },
  );

  it("counts days in the person's own time zone", () => {
    // Very low in New York at 18:00, 21:00 and 18:00 on three evenings running. In UTC the
    // second evening is already the next day, so UTC would see the 12th and the 14th twice.
    const zone = "America/New_York";
    const evenings = ["2026-07-12T22:00:00Z", "2026-07-14T01:00:00Z", "2026-07-14T22:00:00Z"];
    const today = localDay(new Date("2026-07-15T02:00:00Z"), zone);
    const inZone = evenings.map((at) => ({ day: localDay(new Date(at), zone), mood: 1 }));
    expect(inZone.map((m) => m.day)).toEqual(["2026-07-12", "2026-07-13", "2026-07-14"]);
    expect(offersSupport({ moods: inZone, today })).toBe(true);
    const inUtc = evenings.map((at) => ({ day: localDay(new Date(at), "UTC"), mood: 1 }));
    expect(offersSupport({ moods: inUtc, today: "2026-07-15" })).toBe(false);
  });
});
