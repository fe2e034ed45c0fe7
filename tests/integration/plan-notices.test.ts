import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stepProgress } from "@/db/schema";
import { getDashboard } from "@/server/services/dashboard";
import { currentJourney } from "@/server/services/journey";
import { recordingDb, setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { type Caller, signedInUser } from "../helpers/users";

const t = setupTestDb();

async function person() {
  const user = await signedInUser(t.db);
  const journey = await startJourney(t.db, user.userId, { exName: "Riley", exPronouns: "he" });
  return { ...user, journey };
}

const ticked = async (caller: Caller, step: number) =>
  (await caller.journey.current())?.steps.find((s) => s.number === step)?.tasksDone.sort() ?? [];

const draft = (caller: Caller, stepNumber: number) =>
  caller.drafts.create({
    idempotencyKey: randomUUID(),
    stepNumber,
    body: "Hi, how have you been?",
  });

const contact = (caller: Caller, initiator: "me" | "them", stepNumber: number | null = 1) =>
  caller.contacts.create({
    idempotencyKey: randomUUID(),
    occurredAt: "2026-10-01T12:00",
    channel: "text",
    initiator,
    feeling: "good",
    stepNumber,
  });

const entry = (caller: Caller, stepNumber: number | null) =>
  caller.journal.create({ idempotencyKey: randomUUID(), mood: 3, body: "Wrote it.", stepNumber });

async function open(journeyId: string, stepNumber: number) {
  await t.db
    .update(stepProgress)
    .set({ status: "open", openedAt: new Date() })
    .where(and(eq(stepProgress.journeyId, journeyId), eq(stepProgress.stepNumber, stepNumber)));
}

describe("the plan notices what the person did", () => {
  it("ticks step 1's opener and draft when a hello is drafted, and the hello when a contact they started is logged", async () => {
    const sam = await person();
    await draft(sam.caller, 1);
    expect(await ticked(sam.caller, 1)).toEqual(["choose-opener", "draft-hello"]);
    await contact(sam.caller, "me");
    expect(await ticked(sam.caller, 1)).toEqual(["choose-opener", "draft-hello", "send-hello"]);

    // With a reflection the step is done and step 2 opens, as if every box had been ticked.
    await sam.caller.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: "why-now",
      body: "It felt like time.",
    });
    const steps = (await sam.caller.journey.current())?.steps;
    expect(steps?.slice(0, 2).map((s) => s.status)).toEqual(["done", "open"]);
  });

  it("offers a contact the ex started instead of ticking, and says what it saw", async () => {
    const sam = await person();
    await contact(sam.caller, "them");
    expect(await ticked(sam.caller, 1)).toEqual([]);
    const detail = await sam.caller.steps.byNumber({ stepNumber: 1 });
    expect(detail.evidence).toMatchObject({ contactsMine: 0, contactsTheirs: 1, drafts: 0 });
  });

  it("leaves alone contacts and entries with no step, and work for another step", async () => {
    const sam = await person();
    await contact(sam.caller, "me", null);
    await entry(sam.caller, null);
    await contact(sam.caller, "me", 3);
    expect(await ticked(sam.caller, 1)).toEqual([]);
  });

  it("never ticks again a task the person unticked when they only edit the note", async () => {
    const sam = await person();
    const made = await contact(sam.caller, "me");
    await sam.caller.steps.setTask({ stepNumber: 1, taskKey: "send-hello", done: false });
    await sam.caller.contacts.update({
      id: made.id,
      version: made.version,
      occurredAt: "2026-10-01T12:00",
      channel: "text",
      initiator: "me",
      feeling: "good",
      stepNumber: 1,
      note: "He sent a photo back.",
    });
    expect(await ticked(sam.caller, 1)).toEqual(["choose-opener"]);
  });

  it("ticks the journal task, memories, shared memories, reflections and the outcome", async () => {
    const sam = await person();
    await entry(sam.caller, 1);
    expect(await ticked(sam.caller, 1)).toContain("note-feelings");

    await open(sam.journey.id, 2);
    await sam.caller.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 2,
      promptKey: "my-part",
      body: "I stopped listening.",
    });
    expect(await ticked(sam.caller, 2)).toEqual(["own-my-part"]);

    await open(sam.journey.id, 4);
    const first = await sam.caller.steps.addMemory({
      idempotencyKey: randomUUID(),
      body: "Lisbon",
    });
    expect(await ticked(sam.caller, 4)).toEqual([]);
    for (const body of ["The rain walk", "Pancakes", "The concert", "Aunt May's party"]) {
      await sam.caller.steps.addMemory({ idempotencyKey: randomUUID(), body });
    }
    expect(await ticked(sam.caller, 4)).toEqual(["collect-memories"]);
    await sam.caller.steps.setMemoryShared({ id: first.id, shared: true });
    expect(await ticked(sam.caller, 4)).toEqual(["collect-memories", "share-a-memory"]);

    await open(sam.journey.id, 7);
    const journey = await sam.caller.journey.current();
    await sam.caller.journey.recordOutcome({
      outcome: "still_working",
      version: journey?.version ?? 1,
    });
    expect(await ticked(sam.caller, 7)).toEqual(["record-outcome"]);
  });

  it("counts only the person's own work: another person's drafts and contacts tick nothing", async () => {
    const sam = await person();
    const alex = await person();
    await draft(alex.caller, 1);
    await contact(alex.caller, "me");
    expect(await ticked(sam.caller, 1)).toEqual([]);
    const detail = await sam.caller.steps.byNumber({ stepNumber: 1 });
    expect(detail.evidence).toMatchObject({ drafts: 0, contactsMine: 0, contactsTheirs: 0 });
  });

  it("adds no statement to Home's reads: the ticks are read with the rest of the journey", async () => {
    const sam = await person();
    const before = recordingDb(t.db);
    await currentJourney(before.db, { userId: sam.userId });
    await getDashboard(before.db, { userId: sam.userId }, { timeZone: "UTC" });
    const quiet = before.statements.length;

    await draft(sam.caller, 1);
    await contact(sam.caller, "me");
    const after = recordingDb(t.db);
    const journey = await currentJourney(after.db, { userId: sam.userId });
    await getDashboard(after.db, { userId: sam.userId }, { timeZone: "UTC" });
    expect(journey?.steps[0]?.tasksDone).toContain("send-hello");
    expect(after.statements.length).toBe(quiet);
  });
});
