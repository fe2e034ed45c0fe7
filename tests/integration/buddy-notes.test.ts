import { describe, expect, it } from "vitest";
import { sendEncouragement } from "@/server/services/buddies";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

describe("unread notes on Home and in the navigation", () => {
  it("counts every unread note, shows the newest three, and clears what was read", async () => {
    const owner = await signedInUser(t.db, { displayName: "Robin" });
    const { token } = await createLink(owner.caller);
    for (const message of ["first", "second", "third", "fourth"]) {
      await sendEncouragement(t.db, token, { name: "Sam", message });
    }

    const unread = await owner.caller.buddies.unread();
    expect(unread.count).toBe(4);
    expect(unread.latest.map((n) => n.message)).toEqual(["fourth", "third", "second"]);
    expect(unread.latest[0]).toMatchObject({ name: "Sam", linkLabel: "my sister", readAt: null });

    // Home reads the newest one: it leaves, and the count drops with it.
    const newest = unread.latest[0]?.id ?? "";
    expect(await owner.caller.buddies.markAllRead({ ids: [newest] })).toEqual({ count: 1 });
    const after = await owner.caller.buddies.unread();
    expect(after.count).toBe(3);
    expect(after.latest.map((n) => n.message)).toEqual(["third", "second", "first"]);

    // Opening the inbox reads what it showed; a note that arrives meanwhile stays new.
    const shown = (await owner.caller.buddies.inbox()).items.map((i) => i.id);
    await sendEncouragement(t.db, token, { message: "fifth" });
    expect(await owner.caller.buddies.markAllRead({ ids: shown })).toEqual({ count: 3 });
    const last = await owner.caller.buddies.unread();
    expect(last.count).toBe(1);
    expect(last.latest.map((n) => n.message)).toEqual(["fifth"]);
    expect((await owner.caller.buddies.inbox()).unread).toBe(1);
  });

  it("never shows or marks another person's notes", async () => {
    const owner = await signedInUser(t.db, { displayName: "Robin" });
    const { token } = await createLink(owner.caller);
    const { id } = await sendEncouragement(t.db, token, { message: "OWNER-ONLY" });
    const other = await signedInUser(t.db);

    expect(await other.caller.buddies.unread()).toEqual({ count: 0, latest: [] });
    expect(await other.caller.buddies.markAllRead({ ids: [id] })).toEqual({ count: 0 });
    expect((await owner.caller.buddies.unread()).count).toBe(1);
  });

  it("refuses an empty or oversized list of ids with a clear message", async () => {
    const owner = await signedInUser(t.db);
    await expect(owner.caller.buddies.markAllRead({ ids: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(owner.caller.buddies.markAllRead({ ids: ["not-an-id"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
