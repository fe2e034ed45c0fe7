import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  addDays,
  busiestWindowAround,
  checkPause,
  MAX_PAUSE_DAYS,
  PAUSE_WINDOW_DAYS,
  pauseDaysLeft,
} from "@/lib/stats";

const DAY = "2026-07-15";
const at = (n: number) => addDays(DAY, n);

describe("pause days", () => {
  it("allows four in 30 days, saying how many are left", () => {
    expect(checkPause([], DAY)).toEqual({ allowed: true, left: 3 });
    expect(checkPause([at(-10), at(-5)], DAY)).toEqual({ allowed: true, left: 1 });
    expect(checkPause([at(-10), at(-5), at(-2)], DAY)).toEqual({ allowed: true, left: 0 });
  });

  it("refuses a fifth within 30 days and names the first day that frees up", () => {
    const used = [at(-20), at(-10), at(-5), at(-2)];
    // The window holding all four runs out once the 20-days-ago pause is 30 days back.
    expect(checkPause(used, DAY)).toEqual({ allowed: false, nextFree: at(10) });
  });

  it("looks at windows ahead of the day too, for planned pauses", () => {
    const planned = [at(1), at(3), at(5), at(7)];
    const result = checkPause(planned, DAY);
    expect(result.allowed).toBe(false);
    // The day after the last planned pause still shares a window with all four; the first
    // free one is 30 days after the first of them.
    expect(result).toEqual({ allowed: false, nextFree: at(31) });
  });

  it("allows a day that is already paused: pausing twice changes nothing", () => {
    const used = [at(-20), at(-10), at(-5), DAY];
    expect(checkPause(used, DAY)).toEqual({ allowed: true, left: 0 });
  });

  it("finds the free day past planned pauses a month ahead", () => {
    // Paused one at a time, as the service allows them: the last one is refused.
    const used: string[] = [];
    for (const o of [-2, 2, 31, 32, 33, 34, -1, 1]) {
      if (checkPause(used, at(o)).allowed) used.push(at(o));
    }
    const result = checkPause(used, DAY);
    expect(result.allowed).toBe(false);
    if (!result.allowed) {
      expect(checkPause(used, result.nextFree).allowed).toBe(true);
      expect(result.nextFree > at(2 * PAUSE_WINDOW_DAYS)).toBe(true);
      expect(result.nextFree <= at(34 + PAUSE_WINDOW_DAYS)).toBe(true);
    }
  });

  it("counts only windows that contain the day", () => {
    const longAgo = [at(-60), at(-50), at(-40), at(-35)];
    expect(pauseDaysLeft(longAgo, DAY)).toBe(4);
    expect(busiestWindowAround(longAgo, at(-40))).toBe(4);
  });

  test.prop([fc.uniqueArray(fc.integer({ min: -45, max: 45 }), { maxLength: 12 })])(
    "the next free day really fits, and no window ever holds more than four once it is added",
    (offsets) => {
      // Build a valid set the way the service does: one allowed pause at a time.
      const days: string[] = [];
      for (const o of offsets) if (checkPause(days, at(o)).allowed) days.push(at(o));
      for (const d of days)
        expect(busiestWindowAround(days, d)).toBeLessThanOrEqual(MAX_PAUSE_DAYS);
      const result = checkPause(days, DAY);
      if (!result.allowed) {
        expect(result.nextFree > DAY).toBe(true);
        // A window that starts after the latest pause holds none, so the wait ends by then
        // (found by this property with planned pauses 31–34 days ahead: two windows on).
        const latest = [...days].sort().at(-1) ?? DAY;
        expect(result.nextFree <= addDays(latest, PAUSE_WINDOW_DAYS)).toBe(true);
        expect(checkPause(days, result.nextFree).allowed).toBe(true);
      }
    },
  );
});
