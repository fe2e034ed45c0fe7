import { randomUUID } from "node:crypto";
import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { currentProgram } from "@/lib/program";
import { sendEncouragement } from "@/server/services/buddies";
import { appRouter } from "@/server/trpc/root";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { type Caller, signedInUser } from "../helpers/users";

const t = setupTestDb();

const readiness = Object.fromEntries(
  currentProgram.readiness.questions.map((q) => [q.key, "yes" as const]),
);
const safety = Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false]));

async function withEverything(caller: Caller, marker = "owner") {
  await caller.journey.start({
    idempotencyKey: randomUUID(),
    readiness,
    safety,
    situation: { breakupDate: "2026-09-01", contactLevel: "none", exPronouns: "she" },
  });
  const reflection = await caller.steps.addReflection({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    promptKey: currentProgram.steps[0]?.reflectionPrompts[0]?.key ?? "",
    body: `private reflection ${marker}`,
  });
  const entry = await caller.journal.create({
    idempotencyKey: randomUUID(),
    mood: 3,
    body: `private entry ${marker}`,
  });
  const contact = await caller.contacts.create({
    idempotencyKey: randomUUID(),
    occurredAt: "2026-10-01T10:00",
    channel: "text",
    initiator: "me",
    feeling: "good",
    note: `private note ${marker}`,
  });
  const draft = await caller.drafts.create({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    body: `private draft ${marker}`,
  });
  const buddy = await createLink(caller, {
    label: `buddy ${marker}`,
    scope: "progress_and_journal",
  });
  const message = await sendEncouragement(t.db, buddy.token, {
    message: `private encouragement ${marker}`,
  });
  return { reflection, entry, contact, draft, link: buddy.link, token: buddy.token, message };
}

type Ids = Awaited<ReturnType<typeof withEverything>>;
/**
 * Owned rows made after withEverything: a memory, a friend's link saved as supported, and
 * the public id of the owner's session.
 */
type More = { memoryId: string; supportedId: string; sessionId: string };

/** Every procedure that takes the id of something a person owns, with a valid input. */
const byId: Record<string, (ids: Ids, more: More) => unknown> = {
  "journal.byId": (ids) => ({ id: ids.entry.id }),
  "journal.update": (ids) => ({
    id: ids.entry.id,
    version: 1,
    mood: 1,
    body: "overwritten",
    sharedWithBuddies: true,
  }),
  "journal.delete": (ids) => ({ id: ids.entry.id }),
  "contacts.byId": (ids) => ({ id: ids.contact.id }),
  "contacts.update": (ids) => ({
    id: ids.contact.id,
    version: 1,
    occurredAt: "2026-10-02T10:00",
    channel: "call",
    initiator: "them",
    feeling: "hard",
    note: "overwritten",
  }),
  "contacts.delete": (ids) => ({ id: ids.contact.id }),
  "drafts.byId": (ids) => ({ id: ids.draft.id }),
  "drafts.update": (ids) => ({ id: ids.draft.id, version: 1, body: "overwritten" }),
  "drafts.markSent": (ids) => ({ id: ids.draft.id, version: 1 }),
  "drafts.delete": (ids) => ({ id: ids.draft.id }),
  "steps.updateReflection": (ids) => ({ id: ids.reflection.id, version: 1, body: "overwritten" }),
  "steps.deleteReflection": (ids) => ({ id: ids.reflection.id }),
  "steps.setMemoryShared": (_ids, { memoryId }) => ({ id: memoryId, shared: true }),
  "steps.deleteMemory": (_ids, { memoryId }) => ({ id: memoryId }),
  "buddies.update": (ids) => ({
    id: ids.link.id,
    version: 1,
    label: "overwritten",
    scope: "progress",
    expiry: "7",
    showExName: true,
  }),
  "buddies.revoke": (ids) => ({ id: ids.link.id }),
  "buddies.remove": (ids) => ({ id: ids.link.id }),
  "buddies.preview": (ids) => ({ id: ids.link.id }),
  "buddies.markRead": (ids) => ({ id: ids.message.id }),
  "buddies.deleteMessage": (ids) => ({ id: ids.message.id }),
  "buddies.stopUpdates": (ids) => ({ id: ids.link.id }),
  "buddies.thank": (ids) => ({ id: ids.message.id, thanks: "Not mine to send" }),
  "supporting.view": (_ids, { supportedId }) => ({ id: supportedId }),
  "supporting.encourage": (_ids, { supportedId }) => ({ id: supportedId, message: "hi" }),
  "supporting.nudge": (_ids, { supportedId }) => ({ id: supportedId }),
  "supporting.remove": (_ids, { supportedId }) => ({ id: supportedId }),
  "account.endSession": (_ids, { sessionId }) => ({ id: sessionId }),
};

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return (node as (input: unknown) => Promise<unknown>)(input);
}

/** Everything the owner has, row by row, to compare before and after. */
async function ownerRows(userId: string) {
  const tables = {
    journeys: schema.journeys,
    stepProgress: schema.stepProgress,
    reflections: schema.reflections,
    memories: schema.memories,
    journal: schema.journalEntries,
    contacts: schema.contacts,
    drafts: schema.drafts,
    buddyLinks: schema.buddyLinks,
    encouragements: schema.encouragements,
    sessions: schema.sessions,
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    out[name] = await t.db.select().from(table).where(eq(table.userId, userId));
  }
  out.supportedLinks = await t.db
    .select()
    .from(schema.supportedLinks)
    .where(eq(schema.supportedLinks.supporterId, userId));
  return out;
}

describe("another person", () => {
  it("is listed for every procedure that takes an id", () => {
    const takingAnId = Object.entries(procedures)
      .filter(([, procedure]) =>
        (procedure._def as { inputs?: { shape?: Record<string, unknown> }[] }).inputs?.some(
          (input) => input.shape && "id" in input.shape,
        ),
      )
      .map(([path]) => path)
      .sort();
    expect(takingAnId).toEqual(Object.keys(byId).sort());
  });

  it("gets NOT_FOUND for each of the owner's ids, and nothing of the owner's changes", async () => {
    const owner = await signedInUser(t.db);
    const ids = await withEverything(owner.caller);
    // Step 4 holds the memories: open it for the owner by writing straight to the table.
    await t.db
      .update(schema.stepProgress)
      .set({ status: "open" })
      .where(eq(schema.stepProgress.userId, owner.userId));
    const memory = await owner.caller.steps.addMemory({
      idempotencyKey: randomUUID(),
      body: "private memory",
    });

    const other = await signedInUser(t.db);
    // a journey of their own, so "no plan" can't hide a leak
    const others = await withEverything(other.caller, "other");
    // The owner keeps the other's link on their home: even its owner can't use the entry.
    const supported = await owner.caller.supporting.save({ token: others.token });
    const [session] = await owner.caller.account.sessions();
    const before = await ownerRows(owner.userId);
    const more = { memoryId: memory.id, supportedId: supported.id, sessionId: session?.id ?? "" };

    for (const [path, input] of Object.entries(byId)) {
      const error = await call(other.caller, path, input(ids, more)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, path).toBe("NOT_FOUND");
    }
    expect(await ownerRows(owner.userId)).toEqual(before);
  });

  it("sees none of the owner's words in any list or summary", async () => {
    const owner = await signedInUser(t.db);
    const mine = await withEverything(owner.caller);
    const other = await signedInUser(t.db);
    const others = await withEverything(other.caller, "other");
    await owner.caller.supporting.save({ token: others.token });
    await other.caller.supporting.save({ token: mine.token });
    const seen = JSON.stringify([
      await other.caller.journey.current(),
      await other.caller.journey.history(),
      await other.caller.journal.list({}),
      await other.caller.contacts.list({}),
      await other.caller.dashboard.get(),
      await other.caller.activity.today(),
      await other.caller.drafts.list({}),
      await other.caller.steps.byNumber({ stepNumber: 1 }),
      await other.caller.buddies.list(),
      await other.caller.buddies.inbox(),
      await other.caller.supporting.list(),
      await other.caller.account.sessions(),
      await other.caller.reminders.settings(),
      await other.caller.reminders.notice(),
      await other.caller.reminders.calendar(),
    ]);
    expect(seen).toContain("private entry other"); // their own words do show
    for (const word of ["reflection", "entry", "note", "draft", "encouragement"]) {
      expect(seen).not.toContain(`private ${word} owner`);
    }
    expect(seen).not.toContain(owner.userId);
    for (const session of await owner.caller.account.sessions()) {
      expect(seen).not.toContain(session.id);
    }
  });
});
