import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drafts, stepProgress } from "@/db/schema";
import { updateDraftInput } from "@/lib/schemas/drafts";
import { AppError } from "@/server/errors";
import * as service from "@/server/services/drafts";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, send } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

// 11:05 UTC is 13:05 in Berlin in July: a draft written now is ready at 14:05 there.
const T0 = new Date("2026-07-14T11:05:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const BERLIN = "Europe/Berlin";
const STEP1_ANSWERS = {
  "short-and-light": "yes",
  "asks-for-nothing": "yes",
  "leaves-the-past": "no",
} as const;

async function writer() {
  const user = await signedInUser(t.db, { timeZone: BERLIN });
  const journey = await startJourney(t.db, user.userId);
  return { ...user, journey, actor: { userId: user.userId } };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError || error instanceof TRPCError)) {
    throw new Error(`expected a refusal, got ${String(error)}`);
  }
  return error;
}

const rowsOf = (userId: string) => t.db.select().from(drafts).where(eq(drafts.userId, userId));

describe("writing a draft", () => {
  it("starts a draft for a step with a message, resting for an hour", async () => {
    const sam = await writer();
    const draft = await service.createDraft(
      t.db,
      sam.actor,
      {
        idempotencyKey: randomUUID(),
        stepNumber: 1,
        body: "Saw a dog that looked just like Biscuit!",
      },
      T0,
    );
    expect(draft).toMatchObject({
      stepNumber: 1,
      body: "Saw a dog that looked just like Biscuit!",
      status: "writing",
      version: 1,
      checks: {},
      ready: false,
      readyAt: minutes(60),
      unansweredChecks: ["short-and-light", "asks-for-nothing", "leaves-the-past"],
    });
    expect(await sam.caller.drafts.list()).toEqual([expect.objectContaining({ id: draft.id })]);
  });

  it("makes one draft when the same create arrives twice at once", async () => {
    const sam = await writer();
    const input = { idempotencyKey: randomUUID(), stepNumber: 2, body: "About what happened…" };
    const [a, b] = await Promise.all([
      sam.caller.drafts.create(input),
      sam.caller.drafts.create(input),
    ]);
    expect(a.id).toBe(b.id);
    expect(await rowsOf(sam.userId)).toHaveLength(1);
  });

  it("refuses steps without a message, a pasted essay, and an empty text, by field", async () => {
    const sam = await writer();
    const base = { idempotencyKey: randomUUID(), stepNumber: 1, body: "Hi" };
    const step3 = await rejection(sam.caller.drafts.create({ ...base, stepNumber: 3 }));
    expect(step3).toMatchObject({ code: "BAD_REQUEST" });
    expect(step3.message).toBe(
      "Drafts are for the steps with a message to write: steps 1, 2 and 6.",
    );
    expect(step3.cause).toMatchObject({ field: "stepNumber" });

    // What the form receives over HTTP: a sentence naming the field, and the field's errors.
    const cookie = await sessionCookie(sam.sessionId);
    const essay = await send(
      mutationRequest("drafts.create", { ...base, body: "x".repeat(50_000) }, { cookie }),
      t.db,
    );
    expect(essay.status).toBe(400);
    expect(essay.error?.message).toBe(
      "body: Please keep your message to 5,000 characters or fewer; this one has 50,000.",
    );
    expect(essay.error?.data.fieldErrors).toEqual({
      body: ["Please keep your message to 5,000 characters or fewer; this one has 50,000."],
    });
    const blank = await send(
      mutationRequest("drafts.create", { ...base, body: "   \n " }, { cookie }),
      t.db,
    );
    expect(blank.error?.message).toBe("body: Please write your message before saving it.");
    expect(await rowsOf(sam.userId)).toHaveLength(0);
  });

  it("needs a plan in progress", async () => {
    const sam = await signedInUser(t.db);
    const error = await rejection(
      sam.caller.drafts.create({ idempotencyKey: randomUUID(), stepNumber: 1, body: "Hi" }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(error.message).toContain("don't have a plan in progress");
    expect(await sam.caller.drafts.list()).toEqual([]);
  });

  it("lists the steps' self-checks in the ex's name and pronouns", async () => {
    const sam = await signedInUser(t.db);
    await startJourney(t.db, sam.userId, { exName: "Riley", exPronouns: "she" });
    const steps = await sam.caller.drafts.steps();
    expect(steps.map((s) => s.stepNumber)).toEqual([1, 2, 6]);
    const step2 = steps.find((s) => s.stepNumber === 2);
    expect(step2?.checks).toContainEqual({
      key: "blames",
      question: "Does it blame Riley?",
      good: "no",
    });
  });
});

describe("the cool-down and marking as sent", () => {
  it("is ready only after an hour and with every question answered", async () => {
    const sam = await writer();
    const draft = await service.createDraft(
      t.db,
      sam.actor,
      { idempotencyKey: randomUUID(), stepNumber: 1, body: "Hey! This meme is so you." },
      T0,
    );
    const clock = (m: number) => ({ timeZone: BERLIN, now: minutes(m) });

    // Half an hour in, everything answered: still resting, and the time is in Berlin's.
    const answered = await service.updateDraft(
      t.db,
      sam.actor,
      { id: draft.id, version: 1, checks: STEP1_ANSWERS },
      minutes(30),
    );
    expect(answered).toMatchObject({ version: 2, ready: false, unansweredChecks: [] });
    const early = await rejection(
      service.markSent(
        t.db,
        sam.actor,
        { id: draft.id, version: 2 },
        {
          ...clock(30),
          locale: "en-GB",
        },
      ),
    );
    expect(early).toMatchObject({ code: "BAD_REQUEST" });
    expect(early.message).toBe("Give it a little longer: this draft will be ready at 14:05.");

    // Answers alone don't restart the clock: an hour after writing, it is ready.
    expect(await service.getDraft(t.db, sam.actor, draft.id, minutes(60))).toMatchObject({
      ready: true,
    });
    const sent = await service.markSent(t.db, sam.actor, { id: draft.id, version: 2 }, clock(61));
    expect(sent).toMatchObject({ status: "sent", version: 3, ready: false });

    // Marking it sent counts as activity on step 1.
    const [step] = await t.db
      .select()
      .from(stepProgress)
      .where(and(eq(stepProgress.journeyId, sam.journey.id), eq(stepProgress.stepNumber, 1)));
    expect(step?.lastActivityAt).toEqual(minutes(61));

    // A second tap, or the other device, gets the sent draft back rather than an error.
    expect(
      await service.markSent(t.db, sam.actor, { id: draft.id, version: 2 }, clock(62)),
    ).toMatchObject({ status: "sent", version: 3 });
    // And a sent message can't be rewritten.
    const edit = await rejection(
      service.updateDraft(
        t.db,
        sam.actor,
        { id: draft.id, version: 3, body: "Changed" },
        minutes(63),
      ),
    );
    expect(edit.message).toContain("marked as sent");
  });

  it("restarts the cool-down when the text changes, and not for the same text", async () => {
    const sam = await writer();
    const draft = await service.createDraft(
      t.db,
      sam.actor,
      { idempotencyKey: randomUUID(), stepNumber: 6, body: "Would you like to try again, slowly?" },
      T0,
    );
    const same = await service.updateDraft(
      t.db,
      sam.actor,
      updateDraftInput.parse({
        id: draft.id,
        version: 1,
        body: "  Would you like to try again, slowly?  ",
      }),
      minutes(50),
    );
    expect(same.readyAt).toEqual(minutes(60));
    const edited = await service.updateDraft(
      t.db,
      sam.actor,
      { id: draft.id, version: 2, body: "Would you like to try again? No rush at all." },
      minutes(55),
    );
    expect(edited.readyAt).toEqual(minutes(115));
    expect(await service.getDraft(t.db, sam.actor, draft.id, minutes(70))).toMatchObject({
      ready: false,
    });
  });

  it("won't mark a cooled-down draft as sent while a question is open", async () => {
    const sam = await writer();
    const draft = await service.createDraft(
      t.db,
      sam.actor,
      { idempotencyKey: randomUUID(), stepNumber: 1, body: "Hi!" },
      T0,
    );
    await service.updateDraft(
      t.db,
      sam.actor,
      { id: draft.id, version: 1, checks: { "short-and-light": "yes" } },
      minutes(1),
    );
    const error = await rejection(
      service.markSent(
        t.db,
        sam.actor,
        { id: draft.id, version: 2 },
        { timeZone: BERLIN, now: minutes(90) },
      ),
    );
    expect(error.message).toBe(
      "2 questions beside your draft are still open. Answer them, then mark it as sent.",
    );
  });

  it("accepts answers only for this step's questions", async () => {
    const sam = await writer();
    const draft = await sam.caller.drafts.create({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      body: "Hi!",
    });
    const error = await rejection(
      sam.caller.drafts.update({ id: draft.id, version: 1, checks: { blames: "no" } }),
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.cause).toMatchObject({ field: "checks" });
    const notAnAnswer = await rejection(
      sam.caller.drafts.update({
        id: draft.id,
        version: 1,
        // @ts-expect-error only yes or no
        checks: { "short-and-light": "maybe" },
      }),
    );
    expect(notAnAnswer.message).toContain("yes or no");
    expect(await sam.caller.drafts.byId({ id: draft.id })).toMatchObject({
      version: 1,
      checks: {},
    });
  });
});

describe("two devices", () => {
  it("save one of two edits from the same version; the other gets a clear conflict", async () => {
    const sam = await writer();
    const draft = await sam.caller.drafts.create({
      idempotencyKey: randomUUID(),
      stepNumber: 2,
      body: "First try",
    });
    const results = await Promise.allSettled([
      sam.caller.drafts.update({ id: draft.id, version: 1, body: "From the phone" }),
      sam.caller.drafts.update({ id: draft.id, version: 1, body: "From the laptop" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed on another device. Your text is still here"),
    });
    const won = (
      results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ body: string }>
    ).value;
    expect(await sam.caller.drafts.byId({ id: draft.id })).toMatchObject({
      body: won.body,
      version: 2,
    });
  });
});

describe("listing and deleting", () => {
  it("filters by step and deletes for good", async () => {
    const sam = await writer();
    const hello = await sam.caller.drafts.create({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      body: "Hello",
    });
    await sam.caller.drafts.create({ idempotencyKey: randomUUID(), stepNumber: 6, body: "Offer" });
    expect((await sam.caller.drafts.list({ stepNumber: 6 })).map((d) => d.body)).toEqual(["Offer"]);
    expect(await sam.caller.drafts.delete({ id: hello.id })).toEqual({ id: hello.id });
    expect((await rowsOf(sam.userId)).map((d) => d.body)).toEqual(["Offer"]);
    const again = await rejection(sam.caller.drafts.byId({ id: hello.id }));
    expect(again).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("ownership", () => {
  it("answers NOT_FOUND to every call with another user's draft, and changes nothing", async () => {
    const alice = await writer();
    const bob = await writer();
    const draft = await alice.caller.drafts.create({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      body: "Alice's private words",
    });
    const before = await rowsOf(alice.userId);
    const attempts = [
      () => bob.caller.drafts.byId({ id: draft.id }),
      () => bob.caller.drafts.update({ id: draft.id, version: 1, body: "Mallory" }),
      () =>
        bob.caller.drafts.update({
          id: draft.id,
          version: 1,
          checks: { "short-and-light": "no" },
        }),
      () => bob.caller.drafts.markSent({ id: draft.id, version: 1 }),
      () => bob.caller.drafts.delete({ id: draft.id }),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await bob.caller.drafts.list()).toEqual([]);
    expect(await rowsOf(alice.userId)).toEqual(before);

    // The same idempotency key from Bob makes Bob's own draft, never returns Alice's.
    const key = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0]
      ?.idempotencyKey;
    const bobs = await bob.caller.drafts.create({
      idempotencyKey: key ?? randomUUID(),
      stepNumber: 1,
      body: "Bob's own",
    });
    expect(bobs.id).not.toBe(draft.id);
    expect(bobs.body).toBe("Bob's own");
  });

  it("refuses an extra userId", async () => {
    const sam = await writer();
    const error = await rejection(
      sam.caller.drafts.create({
        idempotencyKey: randomUUID(),
        stepNumber: 1,
        body: "Hi",
        // @ts-expect-error an owner never comes from input
        userId: sam.userId,
      }),
    );
    expect(error.message).toContain("userId");
  });
});
