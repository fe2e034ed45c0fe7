import { randomUUID } from "node:crypto";
import type { AnyProcedure } from "@trpc/server";
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { ZodError, type z } from "zod";
import { currentProgram } from "@/lib/program";
import { appRouter } from "@/server/trpc/root";
import { arbitraryFromSchema, rekindleFields } from "../helpers/arbitrary";
import { setupTestDb } from "../helpers/db";
import { SAME_ORIGIN_HEADERS, send, trpcUrl } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { type Caller, sessionCookie, signedInUser } from "../helpers/users";

/**
 * Every procedure, fed inputs generated from its own input schema: values its shape
 * accepts, with the edges weighted in (lengths at the limits, integers at int4's bounds,
 * U+0000, dates that roll over), and now and then anything at all. Whatever arrives, the
 * answer is a success or a clear refusal, never INTERNAL_SERVER_ERROR.
 */
const t = setupTestDb();

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();
/** About 3,500 inputs across the router on each database, most of them reaching a service. */
const RUNS_PER_PROCEDURE = 50;

const inputSchemaOf = (path: string) =>
  (procedures[path]?._def as { inputs?: z.core.$ZodType[] } | undefined)?.inputs?.[0];

/** What a broken client or an attacker might send instead: any shape at all. */
const anything = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

function inputFor(path: string, uuids: readonly string[]): fc.Arbitrary<unknown> {
  const schema = inputSchemaOf(path);
  if (!schema) return fc.oneof(fc.constant(undefined), anything);
  return fc.oneof(
    { weight: 9, arbitrary: arbitraryFromSchema(schema, { uuids, fields: rekindleFields }) },
    { weight: 1, arbitrary: anything },
  );
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return (node as (input: unknown) => Promise<unknown>)(input);
}

const readiness = Object.fromEntries(
  currentProgram.readiness.questions.map((q) => [q.key, "yes" as const]),
);

/** A person with one of everything, so generated ids sometimes name a row that exists. */
async function personWithRows() {
  const user = await signedInUser(t.db);
  await startJourney(t.db, user.userId);
  const c = user.caller;
  const made = await Promise.allSettled([
    c.journal.create({ idempotencyKey: randomUUID(), mood: 3, body: "an entry" }),
    c.contacts.create({
      idempotencyKey: randomUUID(),
      occurredAt: "2026-10-01T10:00",
      channel: "text",
      initiator: "me",
      feeling: "good",
    }),
    c.drafts.create({ idempotencyKey: randomUUID(), stepNumber: 1, body: "a draft" }),
    c.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: currentProgram.steps[0]?.reflectionPrompts[0]?.key ?? "",
      body: "a reflection",
    }),
    c.steps.addMemory({ idempotencyKey: randomUUID(), body: "a memory" }),
    c.buddies.create({
      idempotencyKey: randomUUID(),
      label: "a buddy",
      scope: "progress",
      expiry: "none",
    }),
  ]);
  const uuids = made.flatMap((r) => {
    if (r.status !== "fulfilled") return [];
    const value = r.value as { id?: string; link?: { id: string } };
    return [value.id ?? value.link?.id ?? []].flat();
  });
  return { ...user, uuids };
}

/** The inputs that found a 500 by hand, kept so they are tried on every run. */
const found: [string, unknown][] = [
  [
    "journey.updateSituation",
    {
      breakupDate: "2026-02-30",
      contactLevel: "none",
      exPronouns: "she",
      version: 1,
    },
  ],
  [
    "journey.updateSituation",
    { breakupDate: "2026-04-31", contactLevel: "none", exPronouns: "she", version: 1 },
  ],
  [
    "journey.start",
    {
      idempotencyKey: randomUUID(),
      readiness,
      safety: Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false])),
      situation: { breakupDate: "2026-02-30", contactLevel: "none", exPronouns: "she" },
    },
  ],
  ["journal.list", { cursor: `2026-13-01T00:00:00.000000Z_${randomUUID()}` }],
  ["contacts.list", { cursor: `2026-02-30T25:61:61.000000Z_${randomUUID()}` }],
  [
    "buddies.create",
    {
      idempotencyKey: randomUUID(),
      label: "forever",
      scope: "progress",
      expiry: { date: "9999-12-31" },
    },
  ],
  ["journal.update", { id: randomUUID(), version: 2 ** 31, mood: 3, body: "x" }],
  ["account.updateProfile", { displayName: "Sam", timeZone: "UTC", version: 2 ** 31 }],
  ["drafts.create", { idempotencyKey: randomUUID(), stepNumber: 1, body: "a\u0000b" }],
  [
    "steps.addReflection",
    {
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: currentProgram.steps[0]?.reflectionPrompts[0]?.key ?? "",
      body: "a\u0000b",
    },
  ],
  ["steps.addMemory", { idempotencyKey: randomUUID(), body: "\u0000memory" }],
  ["journey.recordOutcome", { outcome: "moving_on", note: "note\u0000", version: 1 }],
];

/** What the router answered, across every procedure: success ("ok") or the error code. */
const tally = new Map<string, number>();
/** Procedures that had at least one generated input get past their input schema. */
const reachedService = new Set<string>();

async function answerOf(caller: Caller, path: string, input: unknown): Promise<string> {
  try {
    await call(caller, path, input);
    reachedService.add(path);
    return "ok";
  } catch (error) {
    const { code, cause } = error as { code?: string; cause?: unknown };
    if (!(code === "BAD_REQUEST" && cause instanceof ZodError)) reachedService.add(path);
    return code ?? "thrown";
  }
}

describe("inputs that once gave a 500", () => {
  it.each(found)("%s answers without INTERNAL_SERVER_ERROR", async (path, input) => {
    const user = await personWithRows();
    const code = await answerOf(user.caller, path, input);
    expect(code, JSON.stringify(input)).not.toBe("INTERNAL_SERVER_ERROR");
    expect(code).not.toBe("thrown");
  });
});

describe("every procedure, fed inputs generated from its own schema", () => {
  it("covers the whole router, and every input schema can be generated for", () => {
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const schema = inputSchemaOf(path);
      if (schema) expect(() => arbitraryFromSchema(schema), path).not.toThrow();
    }
  });

  it.each(paths)("%s never answers INTERNAL_SERVER_ERROR", async (path) => {
    const user = await personWithRows();
    await fc.assert(
      fc.asyncProperty(inputFor(path, user.uuids), async (input) => {
        const code = await answerOf(user.caller, path, input);
        tally.set(code, (tally.get(code) ?? 0) + 1);
        expect(code, `${path} with ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe(
          "INTERNAL_SERVER_ERROR",
        );
        expect(code).not.toBe("thrown");
      }),
      { numRuns: RUNS_PER_PROCEDURE, seed: 20261206 ^ path.length },
    );
  });

  it("got past validation often enough to reach the services", () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(paths.length * RUNS_PER_PROCEDURE);
    // Generated inputs mostly pass their schema, so services answer most of them: with
    // success, or with a refusal of their own (not found, conflict, a rule).
    expect((tally.get("ok") ?? 0) + (tally.get("NOT_FOUND") ?? 0)).toBeGreaterThan(total / 4);
    expect(paths.filter((p) => !reachedService.has(p))).toEqual([]);
  });
});

// ─── Over HTTP ──────────────────────────────────────────────────────────────────────────

/** superjson's annotations, including ones no client of Rekindle's sends. */
const annotation = fc.constantFrom<unknown>(
  ["Date"],
  ["bigint"],
  ["regexp"],
  ["set"],
  ["map"],
  ["undefined"],
  ["number"],
  ["Error"],
  [["class", "Nope"]],
  [["custom", "nope"]],
  [["symbol", "nope"]],
  [["typed-array", "Uint8Array"]],
  "Date",
  42,
);

/** The text of `input` as a request carries it: as the client writes it, or not quite. */
function wireInput(input: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(JSON.stringify(superjson.serialize(input))) },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(
          fc.constantFrom("", "id", "body", "version", "__proto__", "a.b", "0"),
          annotation,
          {
            maxKeys: 3,
          },
        )
        .map((values) => JSON.stringify({ json: input, meta: { values } })),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("null", "[]", "{", '{"json":', "%E0%A4%A", '{"0":{"json":1}}'),
      ),
    },
  );
}

function wireRequest(path: string, text: string, cookie: string): Request {
  const type = procedures[path]?._def.type;
  if (type === "mutation") {
    return new Request(trpcUrl(path), {
      method: "POST",
      headers: { ...SAME_ORIGIN_HEADERS, "content-type": "application/json", cookie },
      body: text,
    });
  }
  // Percent-encoded as a browser would, except that a malformed escape is left as it is.
  const query = /%(?![0-9A-Fa-f]{2})/.test(text) ? text : encodeURIComponent(text);
  return new Request(`${trpcUrl(path)}?input=${query}`, {
    headers: { ...SAME_ORIGIN_HEADERS, cookie },
  });
}

describe("every procedure over HTTP, fed what the client sends and what a script might", () => {
  it("answers JSON and never 500", async () => {
    const user = await personWithRows();
    const cookie = await sessionCookie(user.sessionId);
    const statuses = new Map<number, number>();
    const request = fc
      .constantFrom(
        ...paths.filter((p) => !/signOutEverywhere|deleteAccount|endOtherSessions/.test(p)),
      )
      .chain((path) =>
        fc.tuple(
          fc.constant(path),
          inputFor(path, user.uuids).chain((input) => wireInput(input)),
        ),
      );
    await fc.assert(
      fc.asyncProperty(request, async ([path, text]) => {
        const res = await send(wireRequest(path, text, cookie), t.db);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${path} with ${text.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 20261206 },
    );
    // Most requests were served or refused by a procedure, not all by the transport.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(45);
  });
});
