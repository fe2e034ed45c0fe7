import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { transformer } from "@/server/trpc/transformer";

/** What a browser holds after the answer crossed the wire and its tRPC client read it. */
const received = (body: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(body)));

describe("the tRPC transformer", () => {
  it("gives the client exactly what superjson would, for any value", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withMap: true,
          withSet: true,
          withBigInt: true,
          withNullPrototype: false,
          withSparseArray: true,
          withBoxedValues: false,
          withTypedArray: false,
        }),
        (value) => {
          let expected: unknown;
          try {
            expected = received(superjson.serialize(value));
          } catch (refused) {
            // superjson refuses keys such as __proto__; so must the shortcut.
            expect(() => transformer.serialize(value)).toThrow((refused as Error).message);
            return;
          }
          expect(received(transformer.serialize(value))).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("sends plain JSON answers as they are, and dates still arrive as dates", () => {
    const plain = { today: "2026-11-27", streak: { current: 3 }, calendar: [{ count: 0 }] };
    expect(transformer.serialize(plain)).toEqual({ json: plain });
    const at = new Date("2026-11-27T08:00:00Z");
    const back = received(transformer.serialize({ entry: { at, words: "hello" } })) as {
      entry: { at: Date };
    };
    expect(back.entry.at).toBeInstanceOf(Date);
    expect(back.entry.at.toISOString()).toBe(at.toISOString());
  });

  it("leaves circular values to superjson", () => {
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(transformer.serialize(loop)).toEqual(superjson.serialize(loop));
  });

  it("keeps what JSON alone would lose: undefined, -0, NaN and holes", () => {
    for (const value of [{ a: undefined }, [1, undefined], -0, Number.NaN, new Array(2)]) {
      expect(received(transformer.serialize(value))).toEqual(received(superjson.serialize(value)));
      expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    }
  });
});
