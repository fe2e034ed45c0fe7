import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkIns, journalEntries } from "@/db/schema";
import { addDays } from "@/lib/stats";
import { getDashboard } from "@/server/services/dashboard";
import { setupTestDb } from "../helpers/db";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

// Wednesday 15 July 2026, 01:30 in New York (05:30 UTC).
const NOW = new Date("2026-07-15T05:30:00Z");
const NEW_YORK = "America/New_York";
const TODAY = "2026-07-15";

const offerFor = async (userId: string, timeZone = NEW_YORK) =>
  (await getDashboard(t.db, { userId, discreet: false }, { timeZone, now: NOW })).offerSupport;

describe("the dashboard's offer of support", () => {
  it("comes from very low check-ins and journal moods on three days running, in the person's zone", async () => {
    const owner = await signedInUser(t.db);
    await t.db.insert(checkIns).values([
      { userId: owner.userId, day: addDays(TODAY, -2), mood: 1 },
      { userId: owner.userId, day: addDays(TODAY, -1), mood: 1 },
    ]);
    expect(await offerFor(owner.userId)).toBe(false);
    // 00:30 today in New York, yet still the 14th in UTC: it counts for today there.
    await t.db.insert(journalEntries).values({
      userId: owner.userId,
      mood: 1,
      body: "Hard to sleep.",
      idempotencyKey: randomUUID(),
      createdAt: new Date("2026-07-15T04:30:00Z"),
    });
    expect(await offerFor(owner.userId)).toBe(true);
  });

  it("reads only the person's own moods", async () => {
    const owner = await signedInUser(t.db);
    const other = await signedInUser(t.db);
    await t.db
      .insert(checkIns)
      .values([0, 1, 2].map((n) => ({ userId: owner.userId, day: addDays(TODAY, -n), mood: 1 })));
    expect(await offerFor(owner.userId)).toBe(true);
    expect(await offerFor(other.userId)).toBe(false);
    // Through the procedure too, as Home asks for it.
    expect((await other.caller.dashboard.get()).offerSupport).toBe(false);
  });
});
