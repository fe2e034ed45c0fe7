import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, journeys, users } from "@/db/schema";
import { buddyView } from "@/server/services/buddies";
import { exportAccount } from "@/server/services/export";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { callerFor, signedInUser } from "../helpers/users";

const t = setupTestDb();

/** A name that nothing else in Rekindle could print, so any trace of it is the name. */
const NAME = "Zephyrine";

/** An owner with a plan naming NAME, a contact, and a buddy link allowed to show the name. */
async function ownerOfAPlan() {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  const journey = await startJourney(t.db, owner.userId, { exName: NAME, exPronouns: "she" });
  await t.db.insert(contacts).values({
    userId: owner.userId,
    journeyId: journey.id,
    stepNumber: 1,
    occurredAt: new Date(),
    channel: "text",
    initiator: "them",
    feeling: "good",
    idempotencyKey: randomUUID(),
  });
  await t.db.insert(journeys).values({
    userId: owner.userId,
    programVersion: 1,
    status: "ended",
    outcome: "moving_on",
    breakupDate: "2025-01-01",
    contactLevel: "none",
    exName: NAME,
    exPronouns: "she",
    readinessResult: "ready",
    readinessAnswers: {},
    idempotencyKey: randomUUID(),
    endedAt: new Date(),
  });
  const { token } = await createLink(owner.caller, {
    scope: "progress_and_journal",
    showExName: true,
  });
  return { ...owner, journey, token };
}

/** Everything the signed-in pages and the buddy page read, as one string to search. */
async function everythingShown(owner: Awaited<ReturnType<typeof ownerOfAPlan>>) {
  // A new caller: each request reads the session, and with it discreet mode, afresh.
  const caller = await callerFor(t.db, owner.sessionId);
  const [link] = await caller.buddies.list();
  const shown = await Promise.all([
    caller.journey.current(),
    caller.journey.history(),
    caller.dashboard.get(),
    caller.steps.byNumber({ stepNumber: 1 }),
    caller.contacts.list({}),
    caller.contacts.formContext(),
    caller.journal.formContext(),
    caller.drafts.steps(),
    caller.buddies.preview({ id: link?.id ?? "" }),
    buddyView(t.db, owner.token),
  ]);
  return JSON.stringify(shown);
}

describe("discreet mode", () => {
  it("is off for a new account, and the owner turns it on and off", async () => {
    const owner = await signedInUser(t.db);
    const [before] = await t.db
      .select({ discreet: users.discreet })
      .from(users)
      .where(eq(users.id, owner.userId));
    expect(before?.discreet).toBe(false);

    expect(await owner.caller.account.setDiscreet({ discreet: true })).toEqual({ discreet: true });
    const [on] = await t.db
      .select({ discreet: users.discreet })
      .from(users)
      .where(eq(users.id, owner.userId));
    expect(on?.discreet).toBe(true);

    expect(await owner.caller.account.setDiscreet({ discreet: false })).toEqual({
      discreet: false,
    });
  });

  it("changes only the caller's own account", async () => {
    const owner = await signedInUser(t.db);
    const other = await signedInUser(t.db);
    await owner.caller.account.setDiscreet({ discreet: true });
    const [row] = await t.db
      .select({ discreet: users.discreet })
      .from(users)
      .where(eq(users.id, other.userId));
    expect(row?.discreet).toBe(false);
  });

  it("refuses anything but true or false", async () => {
    const owner = await signedInUser(t.db);
    for (const input of [{}, { discreet: "yes" }, { discreet: 1 }, { discreet: true, extra: 1 }]) {
      await expect(
        owner.caller.account.setDiscreet(input as { discreet: boolean }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("keeps the ex's name out of the dashboard, the plan, the logs and the buddy page", async () => {
    const owner = await ownerOfAPlan();
    // With discreet mode off the name shows, so the search below can find it.
    expect(await everythingShown(owner)).toContain(NAME);

    await owner.caller.account.setDiscreet({ discreet: true });
    const shown = await everythingShown(owner);
    expect(shown).not.toContain(NAME);
    // The texts still speak of her, by pronoun.
    expect(shown).toMatch(/\bher\b/);
  });

  it("names the current step on the buddy page by its number alone", async () => {
    const owner = await ownerOfAPlan();
    expect((await buddyView(t.db, owner.token))?.currentStep).toEqual({
      number: 1,
      title: "Reconnect",
    });
    await owner.caller.account.setDiscreet({ discreet: true });
    expect((await buddyView(t.db, owner.token))?.currentStep).toEqual({ number: 1, title: "" });
  });

  it("keeps the name saved while the situation is edited without it, and the export complete", async () => {
    const owner = await ownerOfAPlan();
    await owner.caller.account.setDiscreet({ discreet: true });
    const caller = await callerFor(t.db, owner.sessionId);
    const journey = await caller.journey.current();
    expect(journey?.exName).toBeNull();

    // The situation form in discreet mode sends no name at all.
    const saved = await caller.journey.updateSituation({
      breakupDate: "2026-08-01",
      contactLevel: "occasional",
      exPronouns: "she",
      version: journey?.version ?? 1,
    });
    expect(saved.exName).toBeNull();
    const [row] = await t.db
      .select({ exName: journeys.exName, breakupDate: journeys.breakupDate })
      .from(journeys)
      .where(eq(journeys.id, owner.journey.id));
    expect(row).toEqual({ exName: NAME, breakupDate: "2026-08-01" });

    // The export is the person's own data: the name stays in it.
    const exported = await exportAccount(t.db, { userId: owner.userId, discreet: true });
    expect(JSON.stringify(exported)).toContain(NAME);
  });
});
