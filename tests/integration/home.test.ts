import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { journeys, reflections, reminders, taskCompletions, users } from "@/db/schema";
import { getProgram, PROGRAM_VERSION } from "@/lib/program";
import { localDay } from "@/lib/stats";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { type Caller, callerFor, createBuddyLink, signedInUser } from "../helpers/users";

const t = setupTestDb();

/** What Home showed when it asked each procedure on its own (before dashboard.home). */
async function askedOneByOne(caller: Caller) {
  const [journey, dashboard, today, history, supported, reminder] = await Promise.all([
    caller.journey.current(),
    caller.dashboard.get(),
    caller.activity.today(),
    caller.journey.history(),
    caller.supporting.list(),
    caller.reminders.notice(),
  ]);
  return { journey, dashboard, today, history, supported, reminder };
}

/** A person with a past journey, one in progress with work done, a buddy and a friend. */
async function personWithHistory(db: Db) {
  // Signed up in Auckland: a caller reads its person once, so a zone set afterwards would
  // reach only the procedures that read the row again (the test then failed whenever
  // Auckland's date was not UTC's, 11:00 to 24:00 UTC).
  const robin = await signedInUser(db, { displayName: "Robin", timeZone: "Pacific/Auckland" });
  const past = await startJourney(db, robin.userId, { exName: "Alex" });
  await db
    .update(journeys)
    .set({ status: "ended", outcome: "moving_on", endedAt: new Date("2026-08-01T10:00:00Z") })
    .where(eq(journeys.id, past.id));
  const journey = await startJourney(db, robin.userId, { exName: "Jordan" });
  const step = getProgram(PROGRAM_VERSION).steps[0];
  const task = step?.tasks[0];
  if (!step || !task) throw new Error("the program has no first task");
  await db.insert(taskCompletions).values({
    journeyId: journey.id,
    userId: robin.userId,
    stepNumber: 1,
    taskKey: task.key,
    // Three days ago: today stays without activity until the test checks in.
    completedAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000),
  });
  await db.insert(reflections).values({
    journeyId: journey.id,
    userId: robin.userId,
    stepNumber: 1,
    promptKey: "why",
    body: "Because it mattered.",
    idempotencyKey: randomUUID(),
  });
  // A friend whose buddy link Robin keeps on Home.
  const kit = await signedInUser(db, { displayName: "Kit" });
  await startJourney(db, kit.userId);
  const { token } = await createBuddyLink(kit.caller);
  await robin.caller.supporting.save({ token });
  return { robin, journey };
}

describe("Home's one read", () => {
  it("answers exactly what Home's seven procedures answered, before and after a check-in", async () => {
    const { robin } = await personWithHistory(t.db);
    const today = localDay(new Date(), "Pacific/Auckland");
    await t.db.insert(reminders).values({
      userId: robin.userId,
      kind: "check_in",
      localDate: today,
      status: "delivered",
    });

    const before = await robin.caller.dashboard.home();
    expect(before).toEqual(await askedOneByOne(robin.caller));
    expect(before.reminder).toEqual({ kind: "check_in", stepNumber: null });
    expect(before.history).toHaveLength(1);
    expect(before.supported.map((p) => p.ownerName)).toEqual(["Kit"]);
    expect(before.journey?.steps[0]?.tasksDone).toHaveLength(1);
    expect(before.journey?.steps[0]?.reflectionCount).toBe(1);

    await robin.caller.activity.checkIn({ mood: 4 });
    const after = await robin.caller.dashboard.home();
    expect(after).toEqual(await askedOneByOne(robin.caller));
    expect(after.reminder).toBeNull();
    expect(after.today).toMatchObject({ checkedIn: true, mood: 4 });
  });

  it("in discreet mode leaves the ex's name out everywhere, as the procedures do", async () => {
    const { robin } = await personWithHistory(t.db);
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, robin.userId));
    // A new request: the session (and the discreet choice with it) is read again.
    const caller = await callerFor(t.db, robin.sessionId);
    const home = await caller.dashboard.home();
    expect(home).toEqual(await askedOneByOne(caller));
    expect(JSON.stringify(home)).not.toMatch(/Jordan|Alex/);
  });

  it("shows another person none of it", async () => {
    await personWithHistory(t.db);
    const stranger = await signedInUser(t.db, { displayName: "Sam" });
    const home = await stranger.caller.dashboard.home();
    expect(home).toEqual(await askedOneByOne(stranger.caller));
    expect(home).toMatchObject({ journey: null, history: [], supported: [], reminder: null });
    expect(home.dashboard.journey).toBeNull();
  });
});
