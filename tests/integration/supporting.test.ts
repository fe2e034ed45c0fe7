import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buddyLinks,
  encouragements,
  journalEntries,
  stepProgress,
  supportedLinks,
} from "@/db/schema";
import { supportedPersonOutput } from "@/lib/schemas/supporting";
import { limits } from "@/server/limits";
import { sendNudge } from "@/server/services/buddies";
import { listSupported, saveLink, saveState } from "@/server/services/supporting";
import { createLink, type LinkOptions } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

/**
 * The callers here have no recorded address ("unknown", as under a bare `next start`), and
 * saving a link counts one buddy lookup for it: dozens of saves in this file must not spend
 * the budget of the next test, nor of the next file this worker runs.
 */
const freshLookupBudget = async () => (await limits()).reset("buddyLookup", "unknown");
beforeEach(freshLookupBudget);
afterEach(freshLookupBudget);

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY);

/** An owner on step 1 with one private and one shared journal entry, and their link. */
async function ownerWithLink(options: LinkOptions = {}) {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  await startJourney(t.db, owner.userId, { exName: "Zephyrina" });
  const base = { userId: owner.userId, mood: 4 };
  await t.db.insert(journalEntries).values([
    { ...base, body: "PRIVATE-ENTRY-MARKER", idempotencyKey: randomUUID() },
    { ...base, body: "SHARED-ENTRY-MARKER", sharedWithBuddies: true, idempotencyKey: randomUUID() },
  ]);
  const { token, link } = await createLink(owner.caller, { label: "my friend Alex", ...options });
  return { owner, token, link };
}

describe("saving a link", () => {
  it("puts the person on the supporter's list, once however often it is saved", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Alex" });
    expect(await friend.caller.supporting.list()).toEqual([]);

    const first = await friend.caller.supporting.save({ token });
    const second = await friend.caller.supporting.save({ token });
    expect(second.id).toBe(first.id);
    expect(await t.db.select().from(supportedLinks)).toHaveLength(1);

    const list = await friend.caller.supporting.list();
    expect(list).toEqual([
      {
        id: first.id,
        ownerName: "Robin",
        currentStep: { number: 1, title: expect.any(String) },
        stepsDone: 0,
        stepsTotal: 7,
        progress: 0,
        daysSinceActive: expect.any(Number),
        quiet: expect.any(Boolean),
      },
    ]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      Object.keys(supportedPersonOutput.shape).sort(),
    );
    // Someone else's saves aren't on the owner's list, nor their own link.
    expect(await owner.caller.supporting.list()).toEqual([]);
    expect(await saveState(t.db, { userId: friend.userId }, { token })).toEqual({
      kind: "saved",
      id: first.id,
    });
  });

  it("stores no token, only the link's id", async () => {
    const { token, link } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    await friend.caller.supporting.save({ token });
    const rows = await t.db.select().from(supportedLinks);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        supporterId: friend.userId,
        linkId: link.id,
        createdAt: expect.any(Date),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses the owner's own link, kindly", async () => {
    const { owner, token } = await ownerWithLink();
    await expect(owner.caller.supporting.save({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("your own link"),
    });
    expect(await saveState(t.db, { userId: owner.userId }, { token })).toEqual({ kind: "own" });
    expect(await t.db.select().from(supportedLinks)).toEqual([]);
  });

  it("refuses unknown, revoked and expired links alike", async () => {
    const { owner, token, link } = await ownerWithLink({ expiry: "7" });
    const friend = await signedInUser(t.db);
    const gone = { code: "NOT_FOUND", message: "This link no longer works." };
    await expect(friend.caller.supporting.save({ token: "nonsense" })).rejects.toMatchObject(gone);
    await expect(
      saveLink(t.db, { userId: friend.userId }, { token }, later(7.01)),
    ).rejects.toMatchObject(gone);
    await owner.caller.buddies.revoke({ id: link.id });
    await expect(friend.caller.supporting.save({ token })).rejects.toMatchObject(gone);
    expect(await saveState(t.db, { userId: friend.userId }, { token })).toBeNull();
    expect(await t.db.select().from(supportedLinks)).toEqual([]);
  });
  it("keeps up to 20 people", async () => {
    const { owner } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    for (let i = 0; i < 20; i++) {
      await friend.caller.supporting.save({ token: (await createLink(owner.caller)).token });
    }
    const { token } = await createLink(owner.caller);
    await expect(friend.caller.supporting.save({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("up to 20"),
    });
    expect(await friend.caller.supporting.list()).toHaveLength(20);
  });
});

describe("a saved person", () => {
  it("disappears once the link is revoked, and can't be viewed, encouraged or nudged", async () => {
    const { owner, token, link } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    expect(await friend.caller.supporting.view({ id })).toMatchObject({ ownerName: "Robin" });

    await owner.caller.buddies.revoke({ id: link.id });
    expect(await friend.caller.supporting.list()).toEqual([]);
    const gone = { code: "NOT_FOUND", message: "This link no longer works." };
    await expect(friend.caller.supporting.view({ id })).rejects.toMatchObject(gone);
    await expect(
      friend.caller.supporting.encourage({ id, message: "still here" }),
    ).rejects.toMatchObject(gone);
    await expect(friend.caller.supporting.nudge({ id })).rejects.toMatchObject(gone);
    expect(await t.db.select().from(encouragements)).toEqual([]);
    // Taking a dead entry off the list still works.
    await friend.caller.supporting.remove({ id });
    expect(await t.db.select().from(supportedLinks)).toEqual([]);
  });

  it("disappears once the link expires, and comes back if the owner extends it", async () => {
    const { owner, token, link } = await ownerWithLink({ expiry: "7" });
    const friend = await signedInUser(t.db);
    const actor = { userId: friend.userId };
    await friend.caller.supporting.save({ token });
    expect(await listSupported(t.db, actor, later(6))).toHaveLength(1);
    expect(await listSupported(t.db, actor, later(7.01))).toEqual([]);

    await t.db
      .update(buddyLinks)
      .set({ expiresAt: later(30) })
      .where(eq(buddyLinks.id, link.id));
    expect(await listSupported(t.db, actor, later(7.01))).toHaveLength(1);
    expect(await owner.caller.supporting.list()).toEqual([]);
  });

  it("shows no ex's name and no journal on the list, and titles steps as the link's page does", async () => {
    const { owner, token } = await ownerWithLink({ scope: "progress_and_journal" });
    // Step 4's title speaks of the ex: "Remind {them} of the good times".
    for (const n of [1, 2, 3, 4]) {
      await t.db
        .update(stepProgress)
        .set({ status: n < 4 ? "done" : "open" })
        .where(and(eq(stepProgress.userId, owner.userId), eq(stepProgress.stepNumber, n)));
    }
    const friend = await signedInUser(t.db);
    await friend.caller.supporting.save({ token });
    const [person] = await friend.caller.supporting.list();
    expect(person?.currentStep).toEqual({ number: 4, title: "Remind them of the good times" });
    expect(person?.stepsDone).toBe(3);
    const text = JSON.stringify(person);
    for (const marker of ["Zephyrina", "PRIVATE-ENTRY", "SHARED-ENTRY", owner.email]) {
      expect(text).not.toContain(marker);
    }

    const named = await createLink(owner.caller, { showExName: true });
    const other = await signedInUser(t.db);
    await other.caller.supporting.save({ token: named.token });
    const [withName] = await other.caller.supporting.list();
    // The list titles the step exactly as the buddy page for that link does.
    const view = await other.caller.supporting.view({ id: withName?.id ?? "" });
    expect(withName?.currentStep).toEqual(view.currentStep);
  });

  it("opens the same page as the link, counted as a visit, with shared entries only", async () => {
    const { owner, token } = await ownerWithLink({ scope: "progress_and_journal" });
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    const view = await friend.caller.supporting.view({ id });
    const text = JSON.stringify(view);
    expect(text).toContain("SHARED-ENTRY-MARKER");
    expect(text).not.toContain("PRIVATE-ENTRY-MARKER");
    expect(text).not.toContain("Zephyrina");
    const [listed] = await owner.caller.buddies.list();
    expect(listed?.openCount).toBe(1);
    expect(listed?.lastOpenedAt).toBeInstanceOf(Date);
  });

  it("can be encouraged: the words land in the owner's inbox under the link's label", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    await friend.caller.supporting.encourage({ id, name: " Alex ", message: "Proud of you" });

    const inbox = await owner.caller.buddies.inbox();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "encouragement",
      name: "Alex",
      message: "Proud of you",
      linkLabel: "my friend Alex",
    });
    await expect(
      friend.caller.supporting.encourage({ id, message: "x".repeat(501) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await owner.caller.buddies.inbox()).items).toHaveLength(1);
  });

  it("is limited to ten messages an hour per supporter, with a message that says so", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    for (let i = 0; i < 10; i++) {
      await friend.caller.supporting.encourage({ id, message: `Note ${i + 1}` });
    }
    await expect(
      friend.caller.supporting.encourage({ id, message: "One more" }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/a lot of messages for now\. Please try again in \d+ minutes/),
    });
    expect((await owner.caller.buddies.inbox()).items).toHaveLength(10);
  });

  it("can be nudged once a day while quiet, sharing the limit with the link itself", async () => {
    const { owner, token } = await ownerWithLink();
    // The entries written a moment ago count as activity; make them old.
    await t.db
      .update(journalEntries)
      .set({ createdAt: new Date("2026-01-01T10:00:00Z") })
      .where(eq(journalEntries.userId, owner.userId));
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    const view = await friend.caller.supporting.view({ id });
    expect(view.canNudge).toBe(true);

    await friend.caller.supporting.nudge({ id });
    await expect(friend.caller.supporting.nudge({ id })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(sendNudge(t.db, token)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const inbox = await owner.caller.buddies.inbox();
    expect(inbox.items.map((i) => i.kind)).toEqual(["nudge"]);
  });

  it("can be removed, which leaves the link itself working", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    await friend.caller.supporting.remove({ id });
    expect(await friend.caller.supporting.list()).toEqual([]);
    await expect(friend.caller.supporting.remove({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [listed] = await owner.caller.buddies.list();
    expect(listed?.status).toBe("active");
    // And it can be saved again.
    expect((await friend.caller.supporting.save({ token })).id).not.toBe(id);
  });
});

describe("another person", () => {
  it("can't view, encourage, nudge or remove someone else's saved entry", async () => {
    const { owner, token } = await ownerWithLink();
    const friend = await signedInUser(t.db);
    const { id } = await friend.caller.supporting.save({ token });
    const stranger = await signedInUser(t.db);
    const before = await t.db.select().from(buddyLinks);

    expect(await stranger.caller.supporting.list()).toEqual([]);
    // The link's owner is a stranger to the entry too.
    for (const caller of [stranger.caller, owner.caller]) {
      const attempts = [
        () => caller.supporting.view({ id }),
        () => caller.supporting.encourage({ id, message: "not mine to send" }),
        () => caller.supporting.nudge({ id }),
        () => caller.supporting.remove({ id }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({
          code: "NOT_FOUND",
          message: expect.not.stringContaining("link"),
        });
      }
    }
    expect(await t.db.select().from(buddyLinks)).toEqual(before);
    expect(await t.db.select().from(encouragements)).toEqual([]);
    expect(await friend.caller.supporting.list()).toHaveLength(1);
  });
});
