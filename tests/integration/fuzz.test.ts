import type { AnyProcedure } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { type Caller, signedInUser } from "../helpers/users";

/**
 * Every procedure, fed what a confused phone, a broken client or an attacker might send:
 * wrong types, huge strings, odd Unicode, missing and extra fields. Whatever arrives, the
 * answer is a clear refusal or a success, never INTERNAL_SERVER_ERROR.
 */
const t = setupTestDb();

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();
/** At least 10,000 inputs across the router, on each database. */
const RUNS_PER_PROCEDURE = Math.ceil(10_000 / paths.length);

/** The field names a procedure's input schema expects, so generated objects come close. */
function fieldsOf(path: string): string[] {
  const def = procedures[path]?._def as { inputs?: unknown[] } | undefined;
  const schema = def?.inputs?.[0] as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape ? Object.keys(schema.shape) : [];
}

const oddStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e\u0644\u0627",
    "👩‍👩‍👧‍👦".repeat(3),
    "<script>alert(1)</script>",
    "'; drop table users; --",
    "2026-02-30",
    "00000000-0000-0000-0000-000000000000",
    "NaN",
  ),
  fc.constantFrom(1_000, 20_001, 60_000).map((n) => "é".repeat(n)),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const leaf = fc.oneof(
  oddStrings,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 7, 8, Number.MAX_SAFE_INTEGER, -0, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
);

const value = fc.oneof(
  { depthSize: "small", withCrossShrink: true },
  leaf,
  fc.array(leaf, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }),
);

/** Anything at all, or an object with the expected fields (some missing, some extra). */
function inputFor(path: string) {
  const fields = fieldsOf(path);
  const shaped =
    fields.length === 0
      ? fc.constant(undefined)
      : fc
          .record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] })
          .chain((record) =>
            fc.oneof(
              fc.constant(record),
              fc
                .dictionary(fc.string({ maxLength: 10 }), leaf, { maxKeys: 2 })
                .map((extra) => ({ ...extra, ...record })),
            ),
          );
  return fc.oneof(shaped, shaped, fc.anything(), value);
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return (node as (input: unknown) => Promise<unknown>)(input);
}

/** What the router answered, across every procedure: success ("ok") or the error code. */
const tally = new Map<string, number>();

describe("every procedure, fed bad input", () => {
  it("covers the whole router", () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.length * RUNS_PER_PROCEDURE).toBeGreaterThanOrEqual(10_000);
  });

  it.each(paths)("%s never answers INTERNAL_SERVER_ERROR", async (path) => {
    const user = await signedInUser(t.db);
    await startJourney(t.db, user.userId);
    const codes = tally;
    await fc.assert(
      fc.asyncProperty(inputFor(path), async (input) => {
        try {
          await call(user.caller, path, input);
          codes.set("ok", (codes.get("ok") ?? 0) + 1);
        } catch (error) {
          const code = (error as { code?: string }).code ?? "thrown";
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(code, `${path} with ${JSON.stringify(input)?.slice(0, 200)}`).not.toBe(
            "INTERNAL_SERVER_ERROR",
          );
          expect(code).not.toBe("thrown");
        }
      }),
      { numRuns: RUNS_PER_PROCEDURE, seed: 20261126 ^ path.length },
    );
  });

  it("got past validation often enough to reach the services", () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(paths.length * RUNS_PER_PROCEDURE);
    // Refusals for bad input are most answers, but not all: some inputs were valid enough
    // to be served, or to be looked up and not found.
    expect(tally.get("BAD_REQUEST") ?? 0).toBeGreaterThan(total / 2);
    expect((tally.get("ok") ?? 0) + (tally.get("NOT_FOUND") ?? 0)).toBeGreaterThan(500);
  });
});
