import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journalEntries, stepProgress } from "@/db/schema";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, queryRequest, send } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const rowsOf = (userId: string) =>
  t.db
    .select()
    .from(journalEntries)
    .where(eq(journalEntries.userId, userId))
    .orderBy(journalEntries.id);

const entry = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  mood: 3,
  body: "Walked past our old café today and didn't feel the need to text. Small win.",
  ...over,
});

/** The journey an entry was written in, as stored (answers don't carry it). */
async function journeyOfEntry(id: string) {
  const [row] = await t.db
    .select({ journeyId: journalEntries.journeyId })
    .from(journalEntries)
    .where(eq(journalEntries.id, id));
  return row?.journeyId;
}

describe("writing, reading, editing and deleting entries", () => {
  it("works without a plan: the entry belongs to no journey and is private", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry({ mood: 4 }));
    expect(created).toMatchObject({
      mood: 4,
      stepNumber: null,
      sharedWithBuddies: false,
      version: 1,
    });
    expect(created).not.toHaveProperty("userId");
    expect(created).not.toHaveProperty("journeyId"); // no page shows it
    expect(await journeyOfEntry(created.id)).toBeNull();

    expect(await sam.caller.journal.byId({ id: created.id })).toEqual(created);
    const list = await sam.caller.journal.list();
    expect(list.nextCursor).toBeNull();
    expect(list.items).toEqual([
      expect.objectContaining({ id: created.id, preview: created.body, truncated: false }),
    ]);
  });

  it("ties an entry to a step of the plan in progress and marks the step active", async () => {
    const sam = await signedInUser(t.db);
    const journey = await startJourney(t.db, sam.userId, { exPronouns: "she" });
    const created = await sam.caller.journal.create(
      entry({ stepNumber: 1, sharedWithBuddies: true }),
    );
    expect(created).toMatchObject({ stepNumber: 1, sharedWithBuddies: true });
    expect(await journeyOfEntry(created.id)).toBe(journey.id);
    const [step] = await t.db
      .select()
      .from(stepProgress)
      .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 1)));
    expect(step?.lastActivityAt?.getTime()).toBe(created.createdAt.getTime());

    const ctx = await sam.caller.journal.formContext();
    expect(ctx.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ctx.steps[3]?.title).toBe("Remind her of the good times");
  });

  it("refuses a step when there is no plan, on the step field, and saves nothing", async () => {
    const sam = await signedInUser(t.db);
    const res = await send(
      mutationRequest("journal.create", entry({ stepNumber: 2 }), {
        cookie: await sessionCookie(sam.sessionId),
      }),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.stepNumber?.[0]).toMatch(/once your plan has started/);
    expect(await rowsOf(sam.userId)).toEqual([]);
    expect((await sam.caller.journal.formContext()).steps).toEqual([]);
  });

  it("saves an edit with a new version and deletes an entry", async () => {
    const sam = await signedInUser(t.db);
    await startJourney(t.db, sam.userId);
    const created = await sam.caller.journal.create(entry());
    const edited = await sam.caller.journal.update({
      id: created.id,
      version: 1,
      mood: 2,
      body: "Actually, I did feel the need. I just didn't act on it.",
      stepNumber: 3,
      sharedWithBuddies: true,
    });
    expect(edited).toMatchObject({
      id: created.id,
      version: 2,
      mood: 2,
      body: "Actually, I did feel the need. I just didn't act on it.",
      stepNumber: 3,
      sharedWithBuddies: true,
      createdAt: created.createdAt,
    });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    expect(await sam.caller.journal.byId({ id: created.id })).toEqual(edited);

    expect(await sam.caller.journal.delete({ id: created.id })).toEqual({ id: created.id });
    expect(await rowsOf(sam.userId)).toEqual([]);
    const gone = await errorOf(sam.caller.journal.byId({ id: created.id }));
    expect(gone.code).toBe("NOT_FOUND");
    expect((await errorOf(sam.caller.journal.delete({ id: created.id }))).code).toBe("NOT_FOUND");
  });

  it("shows the start of a long entry in the list and all of it on its own", async () => {
    const sam = await signedInUser(t.db);
    const body = `${"Ü🙂 ".repeat(200)}end`;
    const created = await sam.caller.journal.create(entry({ body }));
    const [item] = (await sam.caller.journal.list()).items;
    expect(item?.truncated).toBe(true);
    expect([...(item?.preview ?? "")]).toHaveLength(280);
    expect(body.startsWith(item?.preview ?? "x")).toBe(true);
    expect((await sam.caller.journal.byId({ id: created.id })).body).toBe(body);
  });
});

describe("paging through the journal", () => {
  // The client's infinite query sends `direction: "forward"` with every page, as here.
  it("returns every entry exactly once, newest first, even when entries share a timestamp", async () => {
    const sam = await signedInUser(t.db);
    const other = await signedInUser(t.db);
    await other.caller.journal.create(entry());
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await sam.caller.journal.create(entry())).id);
    // Nine entries written in the same microsecond, one a microsecond later, and the rest
    // spread over older days: ties are broken by id, and microseconds are not rounded away.
    await t.db
      .update(journalEntries)
      .set({ createdAt: sql`'2026-05-01 10:00:00.000123+00'::timestamptz` })
      .where(inArray(journalEntries.id, ids.slice(0, 9)));
    await t.db
      .update(journalEntries)
      .set({ createdAt: sql`'2026-05-01 10:00:00.000124+00'::timestamptz` })
      .where(eq(journalEntries.id, ids[9] as string));
    for (const [i, id] of ids.slice(10).entries()) {
      await t.db
        .update(journalEntries)
        .set({ createdAt: new Date(Date.UTC(2026, 3, 1 + i)) })
        .where(eq(journalEntries.id, id));
    }
    const expected = (
      await t.db
        .select({ id: journalEntries.id })
        .from(journalEntries)
        .where(eq(journalEntries.userId, sam.userId))
        .orderBy(sql`${journalEntries.createdAt} desc, ${journalEntries.id} desc`)
    ).map((r) => r.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof sam.caller.journal.list>> =
        await sam.caller.journal.list({ cursor, limit: 4, direction: "forward" });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);

    expect(pages).toBe(6);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe(ids[9]);
  });

  it("answers 20 by default and refuses more than 50 a page or a made-up cursor", async () => {
    const sam = await signedInUser(t.db);
    for (let i = 0; i < 21; i++) await sam.caller.journal.create(entry());
    const first = await sam.caller.journal.list();
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    expect((await errorOf(sam.caller.journal.list({ limit: 51 }))).code).toBe("BAD_REQUEST");
    const bad = await errorOf(sam.caller.journal.list({ cursor: "'; drop table users; --" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("double taps and two devices", () => {
  it("makes one entry when the same create arrives twice at once, and both get it", async () => {
    const sam = await signedInUser(t.db);
    const input = entry();
    const [a, b] = await Promise.all([
      sam.caller.journal.create(input),
      sam.caller.journal.create(input),
    ]);
    expect(a).toEqual(b);
    expect(await rowsOf(sam.userId)).toHaveLength(1);
    // A retry later (the answer was lost) still gets the same entry.
    expect(await sam.caller.journal.create(input)).toEqual(a);
    expect(await rowsOf(sam.userId)).toHaveLength(1);
  });

  it("lets two people use the same idempotency key without touching each other", async () => {
    const sam = await signedInUser(t.db);
    const alex = await signedInUser(t.db);
    const key = randomUUID();
    const mine = await sam.caller.journal.create(entry({ idempotencyKey: key, body: "Sam's" }));
    const theirs = await alex.caller.journal.create(entry({ idempotencyKey: key, body: "Alex's" }));
    expect(mine.id).not.toBe(theirs.id);
    expect(theirs.body).toBe("Alex's");
  });

  it("refuses an edit from a stale version with CONFLICT and keeps the first save", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry());
    const base = { id: created.id, version: 1, mood: 3, sharedWithBuddies: false };
    await sam.caller.journal.update({ ...base, body: "Saved on the laptop" });
    const error = await errorOf(sam.caller.journal.update({ ...base, body: "Typed on the phone" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed on another device/);
    const [row] = await rowsOf(sam.userId);
    expect(row).toMatchObject({ body: "Saved on the laptop", version: 2 });
  });

  it("gives one success and one CONFLICT to two devices saving different text at once", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry());
    const base = { id: created.id, version: 1, mood: 3, sharedWithBuddies: false };
    const bodies = ["From the laptop", "From the phone"];
    const results = await Promise.allSettled(
      bodies.map((body) => sam.caller.journal.update({ ...base, body })),
    );
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.findIndex((r) => r.status === "rejected");
    expect([won, lost].sort()).toEqual([0, 1]);
    expect((results[lost] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect((await rowsOf(sam.userId))[0]).toMatchObject({ body: bodies[won], version: 2 });
  });

  it("answers the same edit sent twice (a double tap) with the saved entry, not a conflict", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry());
    const edit = { id: created.id, version: 1, mood: 5, body: "Better", sharedWithBuddies: false };
    const [a, b] = await Promise.all([
      sam.caller.journal.update(edit),
      sam.caller.journal.update(edit),
    ]);
    expect(a).toEqual(b);
    expect((await rowsOf(sam.userId))[0]).toMatchObject({ body: "Better", version: 2 });
  });
});

describe("someone else's entries", () => {
  it("answer NOT_FOUND to every procedure, and nothing changes", async () => {
    const alice = await signedInUser(t.db);
    const mallory = await signedInUser(t.db);
    const secret = await alice.caller.journal.create(entry({ body: "Only for me" }));
    const before = await rowsOf(alice.userId);

    // One at a time, the delete last, so each answer is read before the next call.
    const attempts = [
      () => mallory.caller.journal.byId({ id: secret.id }),
      () =>
        mallory.caller.journal.update({
          id: secret.id,
          version: 1,
          mood: 1,
          body: "Overwritten",
          sharedWithBuddies: true,
        }),
      () => mallory.caller.journal.delete({ id: secret.id }),
    ];
    for (const attempt of attempts) {
      const error = await errorOf(attempt());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("We couldn't find that journal entry. It may have been deleted.");
    }
    // An id that never existed gets the very same answer.
    const unknown = await errorOf(mallory.caller.journal.byId({ id: randomUUID() }));
    expect(unknown.message).toBe("We couldn't find that journal entry. It may have been deleted.");

    expect((await mallory.caller.journal.list()).items).toEqual([]);
    // Reusing Alice's idempotency key makes Mallory her own entry, not a copy of Alice's.
    const own = await mallory.caller.journal.create(
      entry({ idempotencyKey: (before[0] as { idempotencyKey: string }).idempotencyKey }),
    );
    expect(own.body).not.toBe("Only for me");
    expect(await rowsOf(alice.userId)).toEqual(before);
  });

  it("refuses an extra userId field instead of trusting it", async () => {
    const alice = await signedInUser(t.db);
    const mallory = await signedInUser(t.db);
    const error = await errorOf(
      // @ts-expect-error The input type has no userId.
      mallory.caller.journal.create({ ...entry(), userId: alice.userId }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("userId");
    const created = await alice.caller.journal.create(entry());
    const update = await errorOf(
      alice.caller.journal.update({
        id: created.id,
        version: 1,
        mood: 3,
        body: "x",
        sharedWithBuddies: false,
        // @ts-expect-error The input type has no userId.
        userId: mallory.userId,
      }),
    );
    expect(update.code).toBe("BAD_REQUEST");
    expect(await rowsOf(mallory.userId)).toEqual([]);
    expect((await rowsOf(alice.userId))[0]?.version).toBe(1);
  });
});

describe("what the form is told about bad input", () => {
  async function createOverHttp(sessionId: string, input: unknown) {
    return send(
      mutationRequest("journal.create", input, { cookie: await sessionCookie(sessionId) }),
      t.db,
    );
  }

  it.each([
    [20_001, "Please keep your entry under 20,000 characters (it has 20,001)."],
    [50_000, "Please keep your entry under 20,000 characters (it has 50,000)."],
  ])("refuses a %i-character body on the body field", async (length, message) => {
    const sam = await signedInUser(t.db);
    const res = await createOverHttp(sam.sessionId, entry({ body: "a".repeat(length) }));
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe("BAD_REQUEST");
    expect(res.error?.data.fieldErrors).toEqual({ body: [message] });
    expect(res.error?.message).toBe(`body: ${message}`);
    expect(await rowsOf(sam.userId)).toEqual([]);
  });

  it("drops an invisible NUL character from a paste instead of failing the save", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry({ body: "Copied\u0000 from a PDF" }));
    expect(created.body).toBe("Copied from a PDF");
    const onlyNul = await createOverHttp(sam.sessionId, entry({ body: "\u0000\u0000" }));
    expect(onlyNul.error?.data.fieldErrors?.body).toEqual([
      "Please write something in your entry.",
    ]);
  });

  it("accepts exactly 20,000 characters", async () => {
    const sam = await signedInUser(t.db);
    const created = await sam.caller.journal.create(entry({ body: "a".repeat(20_000) }));
    expect(created.body).toHaveLength(20_000);
  });

  it.each([
    ["an empty body", { body: "" }, "body", "Please write something in your entry."],
    ["only spaces", { body: " \n\t " }, "body", "Please write something in your entry."],
    ["no mood", { mood: undefined }, "mood", "Please choose how you're feeling."],
    ["mood 6", { mood: 6 }, "mood", "Please choose how you're feeling."],
    ["step 8", { stepNumber: 8 }, "stepNumber", "Please choose a step from the list."],
    ["a key that isn't a uuid", { idempotencyKey: "1" }, "idempotencyKey", "Please reload"],
  ])("refuses %s, naming the field", async (_name, over, field, message) => {
    const sam = await signedInUser(t.db);
    const res = await createOverHttp(sam.sessionId, entry(over));
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await rowsOf(sam.userId)).toEqual([]);
  });

  it("answers a reading request for a malformed id with BAD_REQUEST, never a 500", async () => {
    const sam = await signedInUser(t.db);
    const res = await send(
      queryRequest(
        "journal.byId",
        { id: "not-an-id" },
        { cookie: await sessionCookie(sam.sessionId) },
      ),
      t.db,
    );
    expect(res.status).toBe(400);
  });
});
