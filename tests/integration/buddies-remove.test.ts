import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buddyLinks, encouragements } from "@/db/schema";
import { sendEncouragement } from "@/server/services/buddies";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

const DAY = 24 * 60 * 60 * 1000;

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
}

describe("removing a link that no longer works", () => {
  it("removes a revoked link for good, with the notes sent through it", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { link, token } = await createLink(owner.caller, { expiry: "7" });
    await sendEncouragement(t.db, token, { name: "Sis", message: "Proud of you" });
    await owner.caller.buddies.revoke({ id: link.id });

    expect(await owner.caller.buddies.remove({ id: link.id })).toEqual({ id: link.id });

    expect(await owner.caller.buddies.list()).toEqual([]);
    expect(await t.db.select().from(buddyLinks).where(eq(buddyLinks.id, link.id))).toEqual([]);
    expect(
      await t.db.select().from(encouragements).where(eq(encouragements.linkId, link.id)),
    ).toEqual([]);
    // Twice is the same as once: it's gone.
    expect(await codeOf(owner.caller.buddies.remove({ id: link.id }))).toBe("NOT_FOUND");
  });

  it("removes a link past its end without revoking it first", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { link } = await createLink(owner.caller, { expiry: "7" });
    await t.db
      .update(buddyLinks)
      .set({ expiresAt: new Date(Date.now() - DAY) })
      .where(eq(buddyLinks.id, link.id));

    await owner.caller.buddies.remove({ id: link.id });
    expect(await owner.caller.buddies.list()).toEqual([]);
  });

  it("refuses a link that still works, and keeps it", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { link } = await createLink(owner.caller, { expiry: "7" });

    expect(await codeOf(owner.caller.buddies.remove({ id: link.id }))).toBe("CONFLICT");
    expect((await owner.caller.buddies.list()).map((l) => l.status)).toEqual(["active"]);
  });

  it("can't remove someone else's revoked link", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { link } = await createLink(owner.caller, { expiry: "7" });
    await owner.caller.buddies.revoke({ id: link.id });
    const other = await signedInUser(t.db);

    expect(await codeOf(other.caller.buddies.remove({ id: link.id }))).toBe("NOT_FOUND");
    expect((await owner.caller.buddies.list()).map((l) => l.status)).toEqual(["revoked"]);
  });
});
