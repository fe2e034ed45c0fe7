import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contacts, stepProgress } from "@/db/schema";
import type { CreateContactInput } from "@/lib/schemas/contacts";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, send } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { callerFor, sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

/** 16:00 on 10 October 2026 in Auckland (NZDT, UTC+13); the journey helper's breakup is 1 September. */
const NOW = new Date("2026-10-10T03:00:00Z");

/** Fixes the clock (Date only; timers stay real so the database drivers work). */
function atNow() {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
}
afterEach(() => {
  vi.useRealTimers();
});

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const rowsOf = (userId: string) =>
  t.db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(contacts.id);

const contact = (over: Partial<CreateContactInput> = {}): CreateContactInput => ({
  idempotencyKey: randomUUID(),
  occurredAt: "2026-10-10T08:00",
  channel: "text",
  initiator: "me",
  feeling: "good",
  ...over,
});

/** A user in Auckland with a plan in progress. */
async function aucklander(journey: Parameters<typeof startJourney>[2] = {}) {
  const user = await signedInUser(t.db, { timeZone: "Pacific/Auckland" });
  return { ...user, journey: await startJourney(t.db, user.userId, journey) };
}

async function createOverHttp(sessionId: string, input: unknown) {
  return send(
    mutationRequest("contacts.create", input, { cookie: await sessionCookie(sessionId) }),
    t.db,
  );
}

describe("logging, reading, editing and deleting contacts", () => {
  it("reads the time in the user's own zone: 08:00 today in Auckland is 19:00 UTC the day before", async () => {
    atNow();
    const kiri = await aucklander();
    const created = await kiri.caller.contacts.create(
      contact({ occurredAt: "2026-10-10T08:00", note: "Sent the meme about the dog." }),
    );
    expect(created.occurredAt.toISOString()).toBe("2026-10-09T19:00:00.000Z");
    const [stored] = await t.db
      .select({ journeyId: contacts.journeyId })
      .from(contacts)
      .where(eq(contacts.id, created.id));
    expect(stored?.journeyId).toBe(kiri.journey.id);
    expect(created).not.toHaveProperty("journeyId"); // no page shows it
    expect(created).toMatchObject({
      channel: "text",
      initiator: "me",
      feeling: "good",
      note: "Sent the meme about the dog.",
      stepNumber: null,
      version: 1,
      exName: "Jordan",
      breakupDate: "2026-09-01",
    });
    expect(created).not.toHaveProperty("userId");
    expect(await kiri.caller.contacts.byId({ id: created.id })).toEqual(created);
    expect(await kiri.caller.contacts.list()).toEqual({ items: [created], nextCursor: null });
  });

  it("saves an edit with a new version, marks the step active, and deletes", async () => {
    atNow();
    const kiri = await aucklander();
    const created = await kiri.caller.contacts.create(contact());
    const edited = await kiri.caller.contacts.update({
      id: created.id,
      version: 1,
      occurredAt: "2026-10-09T21:15",
      channel: "call",
      initiator: "them",
      feeling: "hard",
      note: "They called. It was short.",
      stepNumber: 1,
    });
    expect(edited).toMatchObject({
      version: 2,
      channel: "call",
      initiator: "them",
      feeling: "hard",
      note: "They called. It was short.",
      stepNumber: 1,
    });
    expect(edited.occurredAt.toISOString()).toBe("2026-10-09T08:15:00.000Z");
    const [step] = await t.db
      .select()
      .from(stepProgress)
      .where(and(eq(stepProgress.journeyId, kiri.journey.id), eq(stepProgress.stepNumber, 1)));
    expect(step?.lastActivityAt?.getTime()).toBe(edited.updatedAt.getTime());

    expect(await kiri.caller.contacts.delete({ id: created.id })).toEqual({ id: created.id });
    expect(await rowsOf(kiri.userId)).toEqual([]);
    expect((await errorOf(kiri.caller.contacts.byId({ id: created.id }))).code).toBe("NOT_FOUND");
  });

  it("says who reached out by the name given, or by none when there is none", async () => {
    atNow();
    const kiri = await aucklander({ exName: null });
    await kiri.caller.contacts.create(contact({ initiator: "them" }));
    const [item] = (await kiri.caller.contacts.list()).items;
    expect(item).toMatchObject({ initiator: "them", exName: null });
    expect(await kiri.caller.contacts.formContext()).toMatchObject({
      journey: { exName: null, breakupDate: "2026-09-01" },
      steps: expect.arrayContaining([{ number: 7, title: "Let them come to you" }]),
    });
  });
});

describe("when a contact happened", () => {
  it("accepts back-filled contacts from the breakup day on, read in the user's zone", async () => {
    atNow();
    const kiri = await aucklander();
    // Midnight at the start of 1 September in Auckland is still 31 August in UTC.
    const first = await kiri.caller.contacts.create(contact({ occurredAt: "2026-09-01T00:00" }));
    expect(first.occurredAt.toISOString()).toBe("2026-08-31T12:00:00.000Z");
    const middle = await kiri.caller.contacts.create(contact({ occurredAt: "2026-09-20T12:30" }));
    expect(middle.occurredAt.toISOString()).toBe("2026-09-20T00:30:00.000Z");
    // A phone whose clock runs a minute fast can still log "just now".
    await kiri.caller.contacts.create(contact({ occurredAt: "2026-10-10T16:01" }));
    expect(await rowsOf(kiri.userId)).toHaveLength(3);
  });

  it("refuses a time before the breakup date, naming that date on the occurredAt field", async () => {
    atNow();
    const kiri = await aucklander();
    const res = await createOverHttp(kiri.sessionId, contact({ occurredAt: "2026-08-31T23:59" }));
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors).toEqual({
      occurredAt: [
        "Contacts can go back to 1 September 2026, the date your plan counts from, but not before. Please choose that day or later.",
      ],
    });
    expect(await rowsOf(kiri.userId)).toEqual([]);
  });

  it("refuses a time in the future on the occurredAt field, saying what time it is", async () => {
    atNow();
    const kiri = await aucklander();
    const res = await createOverHttp(kiri.sessionId, contact({ occurredAt: "2026-10-10T16:10" }));
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.occurredAt?.[0]).toBe(
      "That time hasn't happened yet: it's 4:00 PM on October 10 where you are. Please choose a time up to now.",
    );
    const created = await kiri.caller.contacts.create(contact());
    const edit = await errorOf(
      kiri.caller.contacts.update({
        id: created.id,
        version: 1,
        occurredAt: "2026-10-11T09:00",
        channel: "text",
        initiator: "me",
        feeling: "good",
      }),
    );
    expect(edit.code).toBe("BAD_REQUEST");
    expect((await rowsOf(kiri.userId))[0]?.version).toBe(1);
  });

  it.each([
    ["a date that doesn't exist", "2026-02-30T10:00"],
    ["a time that doesn't exist", "2026-10-01T24:30"],
    ["an offset instead of a wall-clock time", "2026-10-01T10:00Z"],
    ["nothing", ""],
  ])("refuses %s on the occurredAt field", async (_name, occurredAt) => {
    atNow();
    const kiri = await aucklander();
    const res = await createOverHttp(kiri.sessionId, contact({ occurredAt }));
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.occurredAt?.[0]).toMatch(/Please (enter|choose)/);
  });

  it("follows the profile's time zone when it changes", async () => {
    atNow();
    const kiri = await aucklander();
    await kiri.caller.account.updateProfile({
      displayName: kiri.displayName,
      timeZone: "America/Los_Angeles",
      version: 1,
    });
    // The next request reads the new zone.
    const next = await callerFor(t.db, kiri.sessionId);
    const created = await next.contacts.create(contact({ occurredAt: "2026-10-09T08:00" }));
    expect(created.occurredAt.toISOString()).toBe("2026-10-09T15:00:00.000Z");
  });
});

describe("without a plan in progress", () => {
  it("refuses to log a contact with a clear NOT_FOUND, while listing still works", async () => {
    const sam = await signedInUser(t.db);
    const error = await errorOf(
      sam.caller.contacts.create(contact({ occurredAt: "2026-11-01T10:00" })),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/^Start your plan first/);
    expect(await sam.caller.contacts.list()).toEqual({ items: [], nextCursor: null });
    expect(await sam.caller.contacts.formContext()).toEqual({ journey: null, steps: [] });
    expect(await rowsOf(sam.userId)).toEqual([]);
  });
});

describe("paging through contacts", () => {
  it("returns every contact exactly once, most recent first, ties included", async () => {
    atNow();
    const kiri = await aucklander();
    const other = await aucklander();
    await other.caller.contacts.create(contact());
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) {
      const day = String(10 + (i % 20)).padStart(2, "0");
      ids.push(
        (await kiri.caller.contacts.create(contact({ occurredAt: `2026-09-${day}T09:00` }))).id,
      );
    }
    // Seven at the very same microsecond.
    await t.db
      .update(contacts)
      .set({ occurredAt: sql`'2026-09-05 10:00:00.000007+00'::timestamptz` })
      .where(inArray(contacts.id, ids.slice(0, 7)));
    const expected = (
      await t.db
        .select({ id: contacts.id })
        .from(contacts)
        .where(eq(contacts.userId, kiri.userId))
        .orderBy(sql`${contacts.occurredAt} desc, ${contacts.id} desc`)
    ).map((r) => r.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: Awaited<ReturnType<typeof kiri.caller.contacts.list>> =
        await kiri.caller.contacts.list({ cursor, limit: 3, direction: "forward" });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(17);
  });
});

describe("double taps and two devices", () => {
  it("makes one contact when the same create arrives twice at once, and both get it", async () => {
    atNow();
    const kiri = await aucklander();
    const input = contact({ stepNumber: 1 });
    const [a, b] = await Promise.all([
      kiri.caller.contacts.create(input),
      kiri.caller.contacts.create(input),
    ]);
    expect(a).toEqual(b);
    expect(await rowsOf(kiri.userId)).toHaveLength(1);
  });

  it("refuses an edit from a stale version with CONFLICT and keeps the first save", async () => {
    atNow();
    const kiri = await aucklander();
    const created = await kiri.caller.contacts.create(contact());
    const base = {
      id: created.id,
      version: 1,
      occurredAt: "2026-10-10T08:00",
      channel: "text" as const,
      initiator: "me" as const,
      feeling: "good" as const,
    };
    await kiri.caller.contacts.update({ ...base, note: "From the laptop" });
    const error = await errorOf(kiri.caller.contacts.update({ ...base, note: "From the phone" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed on another device/);
    expect((await rowsOf(kiri.userId))[0]).toMatchObject({ note: "From the laptop", version: 2 });
    // The same edit again (a retry after a lost answer) is not a conflict.
    expect(await kiri.caller.contacts.update({ ...base, note: "From the laptop" })).toMatchObject({
      version: 2,
    });
  });
});

describe("someone else's contacts", () => {
  it("answer NOT_FOUND to every procedure, and nothing changes", async () => {
    atNow();
    const alice = await aucklander();
    const mallory = await aucklander();
    const secret = await alice.caller.contacts.create(contact({ note: "Only for me" }));
    const before = await rowsOf(alice.userId);
    // One at a time, the delete last, so each answer is read before the next call.
    const attempts = [
      () => mallory.caller.contacts.byId({ id: secret.id }),
      () =>
        mallory.caller.contacts.update({
          id: secret.id,
          version: 1,
          occurredAt: "2026-10-10T09:00",
          channel: "call",
          initiator: "them",
          feeling: "hard",
          note: "Overwritten",
        }),
      () => mallory.caller.contacts.delete({ id: secret.id }),
    ];
    for (const attempt of attempts) {
      const error = await errorOf(attempt());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("We couldn't find that contact. It may have been deleted.");
    }
    expect((await mallory.caller.contacts.list()).items).toEqual([]);
    expect(await rowsOf(alice.userId)).toEqual(before);
  });

  it("refuses an extra userId or journeyId field instead of trusting it", async () => {
    atNow();
    const alice = await aucklander();
    const mallory = await aucklander();
    for (const extra of [{ userId: alice.userId }, { journeyId: alice.journey.id }]) {
      const error = await errorOf(
        mallory.caller.contacts.create({ ...contact(), ...extra } as CreateContactInput),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(Object.keys(extra)[0]);
    }
    expect(await rowsOf(alice.userId)).toEqual([]);
    expect(await rowsOf(mallory.userId)).toEqual([]);
  });
});

describe("what the form is told about bad input", () => {
  it.each([
    [2_001, "Please keep the note under 2,000 characters (it has 2,001)."],
    [50_000, "Please keep the note under 2,000 characters (it has 50,000)."],
  ])("refuses a %i-character note on the note field", async (length, message) => {
    atNow();
    const kiri = await aucklander();
    const res = await createOverHttp(kiri.sessionId, contact({ note: "n".repeat(length) }));
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors).toEqual({ note: [message] });
    expect(await rowsOf(kiri.userId)).toEqual([]);
  });

  it("drops an invisible NUL character from a pasted note instead of failing the save", async () => {
    atNow();
    const kiri = await aucklander();
    const created = await kiri.caller.contacts.create(contact({ note: "a\u0000b" }));
    expect(created.note).toBe("ab");
  });

  it.each([
    ["channel", { channel: "carrier pigeon" }, "Please choose how you were in touch."],
    ["initiator", { initiator: "both" }, "Please choose who reached out."],
    ["feeling", { feeling: "great" }, "Please choose how it felt."],
    ["stepNumber", { stepNumber: 0 }, "Please choose a step from the list."],
  ])("refuses an unknown %s, naming the field", async (field, over, message) => {
    atNow();
    const kiri = await aucklander();
    const res = await createOverHttp(kiri.sessionId, { ...contact(), ...over });
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.[field]).toEqual([message]);
  });
});
