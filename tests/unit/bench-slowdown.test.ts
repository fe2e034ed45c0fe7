import { describe, expect, it } from "vitest";
import { calibratedSlowdown } from "@/scripts/bench/frontend";

describe("the CPU slowdown Lighthouse's guide gives for a machine", () => {
  it("meets the guide's points: 1 × at 150, 2 × at 800, 3 × at 1,300, 6 × at about 2,000", () => {
    expect(calibratedSlowdown(150)).toBeCloseTo(1);
    expect(calibratedSlowdown(800)).toBeCloseTo(2);
    expect(calibratedSlowdown(1300)).toBeCloseTo(3);
    expect(calibratedSlowdown(2000)).toBeCloseTo(6, 0);
  });

  it("is Lighthouse's default 4 × near an index of 1,533, and less on a slower machine", () => {
    expect(calibratedSlowdown(1533)).toBeCloseTo(4, 1);
    expect(calibratedSlowdown(1000)).toBeLessThan(4);
  });

  it("rises with the machine's speed and gives nothing for one too slow to stand in for a phone", () => {
    const xs = [200, 500, 799, 800, 1000, 1299, 1300, 1800, 2600].map(
      (i) => calibratedSlowdown(i) ?? 0,
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(calibratedSlowdown(100)).toBeNull();
    expect(calibratedSlowdown(Number.NaN)).toBeNull();
  });
});
