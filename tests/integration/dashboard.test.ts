import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  checkIns,
  contacts,
  journalEntries,
  pauseDays,
  stepProgress,
  taskCompletions,
} from "@/db/schema";
import type { Dashboard } from "@/lib/schemas/dashboard";
import { addDays, localDay } from "@/lib/stats";
import { getDashboard } from "@/server/services/dashboard";
import { recordingDb, setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

// Wednesday 15 July 2026, noon in Berlin.
const NOW = new Date("2026-07-15T10:00:00Z");
const BERLIN = "Europe/Berlin";
const TODAY = "2026-07-15";
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(24 * d);

type Seed = { userId: string; journeyId: string };

const seed = {
  task: (s: Seed, stepNumber: number, taskKey: string, completedAt = hoursAgo(1)) =>
    t.db.insert(taskCompletions).values({ ...s, stepNumber, taskKey, completedAt }),
  entry: (s: Seed, mood: number, createdAt = hoursAgo(1), body = "A quiet day") =>
    t.db.insert(journalEntries).values({
      userId: s.userId,
      journeyId: s.journeyId,
      mood,
      body,
      idempotencyKey: randomUUID(),
      createdAt,
      updatedAt: createdAt,
    }),
  contact: (s: Seed, initiator: "me" | "them", occurredAt: Date, createdAt = hoursAgo(1)) =>
    t.db.insert(contacts).values({
      userId: s.userId,
      journeyId: s.journeyId,
      stepNumber: 1,
      occurredAt,
      channel: "text",
      initiator,
      feeling: "good",
      idempotencyKey: randomUUID(),
      createdAt,
      updatedAt: createdAt,
    }),
  checkIn: (userId: string, day: string, mood: number | null = null) =>
    t.db.insert(checkIns).values({ userId, day, mood }),
};

async function ownerWithJourney(timeZone = BERLIN) {
  const user = await signedInUser(t.db, { timeZone });
  const journey = await startJourney(t.db, user.userId, { breakupDate: "2026-06-01" });
  await t.db
    .update(stepProgress)
    .set({ openedAt: daysAgo(2) })
    .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 1)));
  return { ...user, journey, seed: { userId: user.userId, journeyId: journey.id } };
}

/** A day's work: three tasks, an entry, two contacts and a check-in, all logged today. */
async function seedBusyDay(sam: Awaited<ReturnType<typeof ownerWithJourney>>) {
  await seed.task(sam.seed, 1, "choose-opener");
  await seed.task(sam.seed, 1, "draft-hello");
  await seed.task(sam.seed, 1, "keep-it-light"); // optional: not in the required count
  await seed.entry(sam.seed, 4);
  await seed.contact(sam.seed, "me", daysAgo(3));
  await seed.contact(sam.seed, "them", hoursAgo(26));
  await seed.checkIn(sam.userId, TODAY, 2);
}

/** What the dashboard shows after `seedBusyDay`. */
function expectBusyDay(d: Dashboard, sam: Awaited<ReturnType<typeof ownerWithJourney>>) {
  expect(d.today).toBe(TODAY);
  expect(d.streak).toEqual({ current: 1, longest: 1, activeToday: true, pausedToday: false });
  expect(d.initiative.exShare14d).toBe(0.5);
  expect(d.initiative.last14d).toEqual({ me: 1, them: 1 });
  expect(d.initiative.weeks.at(-2)).toEqual({ weekStart: "2026-07-06", me: 1, them: 0 });
  expect(d.initiative.weeks.at(-1)).toEqual({ weekStart: "2026-07-13", me: 0, them: 1 });
  expect(d.daysSinceBreakup).toBe(44);
  expect(d.daysSinceLastContact).toBe(1);
  // 3 tasks + 1 entry + 2 contacts logged + 1 check-in, all today.
  expect(d.calendar.days.find((c) => c.day === TODAY)).toMatchObject({ count: 7, level: 4 });
  expect(d.calendar.activeDays).toBe(1);
  // The check-in's mood; the entry's stays with the entry.
  expect(d.mood.days.at(-1)).toEqual({ day: TODAY, average: 2, count: 1 });
  expect(d.journey).toMatchObject({
    id: sam.journey.id,
    currentStep: {
      number: 1,
      title: "Reconnect",
      daysOnStep: 2,
      stalled: false,
      stalledNudge: null,
    },
    stepsDone: 0,
    stepsTotal: 7,
    requiredTasksDone: 2,
    requiredTasksTotal: 23,
  });
}

describe("the dashboard", () => {
  it("brings a day's work together: streak, who reached out, mood, the current step", async () => {
    const sam = await ownerWithJourney();
    await seedBusyDay(sam);

    const d = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });

    expectBusyDay(d, sam);
  });

  it("shows a second user none of the first user's data", async () => {
    const alice = await ownerWithJourney();
    await seed.task(alice.seed, 1, "choose-opener");
    await seed.entry(alice.seed, 5);
    await seed.contact(alice.seed, "them", hoursAgo(3));
    await seed.checkIn(alice.userId, TODAY, 5);
    await t.db.insert(pauseDays).values({ userId: alice.userId, day: addDays(TODAY, -1) });

    const bob = await signedInUser(t.db, { timeZone: BERLIN });
    const d = await getDashboard(t.db, { userId: bob.userId }, { timeZone: BERLIN, now: NOW });
    expect(d.streak).toEqual({ current: 0, longest: 0, activeToday: false, pausedToday: false });
    expect(d.calendar.activeDays).toBe(0);
    expect(d.calendar.days.some((c) => c.paused || c.count > 0)).toBe(false);
    expect(d.mood.average).toBeNull();
    expect(d.initiative.exShare14d).toBeNull();
    expect(d.initiative.weeks.every((w) => w.me + w.them === 0)).toBe(true);
    expect(d.daysSinceBreakup).toBeNull();
    expect(d.daysSinceLastContact).toBeNull();
    expect(d.journey).toBeNull();
  });

  it("answers through the procedure, in the profile's time zone, with its output shape", async () => {
    const sam = await ownerWithJourney("Pacific/Auckland");
    await sam.caller.activity.checkIn({ mood: 4 });
    const d = await sam.caller.dashboard.get();
    expect(d.timeZone).toBe("Pacific/Auckland");
    expect(d.today).toBe(localDay(new Date(), "Pacific/Auckland"));
    expect(d.streak).toMatchObject({ current: 1, activeToday: true });
    expect(d.calendar.days).toHaveLength(84);
    expect(d.mood.days).toHaveLength(30);
    expect(d.initiative.weeks).toHaveLength(8);
    // Other users' dashboards stay empty.
    const other = await signedInUser(t.db);
    expect((await other.caller.dashboard.get()).streak.current).toBe(0);
  });

  it("keeps a streak through a chosen pause day, and breaks it at a gap", async () => {
    const sam = await ownerWithJourney();
    // Active 5, 4 and 2 days ago and yesterday, with 3 days ago paused; today not yet.
    for (const n of [5, 4, 2, 1]) await seed.checkIn(sam.userId, addDays(TODAY, -n));
    await t.db.insert(pauseDays).values({ userId: sam.userId, day: addDays(TODAY, -3) });
    // A gap a week ago ends the run before it.
    for (const n of [9, 8]) await seed.checkIn(sam.userId, addDays(TODAY, -n));

    const d = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });
    expect(d.streak).toEqual({ current: 4, longest: 4, activeToday: false, pausedToday: false });
    expect(d.calendar.days.find((c) => c.day === addDays(TODAY, -3))).toMatchObject({
      paused: true,
      count: 0,
    });

    await t.db.delete(pauseDays).where(eq(pauseDays.userId, sam.userId));
    const unpaused = await getDashboard(
      t.db,
      { userId: sam.userId },
      { timeZone: BERLIN, now: NOW },
    );
    expect(unpaused.streak).toMatchObject({ current: 2, longest: 2 });
  });

  it("counts a streak longer than the twelve weeks on the calendar", async () => {
    const sam = await ownerWithJourney();
    await t.db
      .insert(checkIns)
      .values(
        Array.from({ length: 200 }, (_, n) => ({ userId: sam.userId, day: addDays(TODAY, -n) })),
      );
    const d = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });
    expect(d.streak.current).toBe(200);
    expect(d.calendar.activeDays).toBe(d.calendar.pastDays);
  });

  it("counts a back-filled contact on the day it was logged for the streak, and when it happened for the rest", async () => {
    const sam = await ownerWithJourney();
    // Today, the user logs three contacts from last week.
    for (const n of [8, 7, 6]) await seed.contact(sam.seed, "them", daysAgo(n), hoursAgo(1));
    const d = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });
    expect(d.streak).toMatchObject({ current: 1, activeToday: true });
    expect(d.calendar.days.find((c) => c.day === TODAY)?.count).toBe(3);
    expect(d.daysSinceLastContact).toBe(6);
    expect(d.initiative.last14d).toEqual({ me: 0, them: 3 });
  });

  it("counts days in the user's zone: the same morning is today in Auckland, yesterday in Los Angeles", async () => {
    // 20:30 UTC on the 14th: 08:30 on the 15th in Auckland, 13:30 on the 14th in Los Angeles.
    // NOW is 22:00 on the 15th in Auckland and 03:00 on the 15th in Los Angeles.
    const kiwi = await ownerWithJourney("Pacific/Auckland");
    await seed.entry(kiwi.seed, 3, new Date("2026-07-14T20:30:00Z"));
    const nz = await getDashboard(
      t.db,
      { userId: kiwi.userId },
      { timeZone: "Pacific/Auckland", now: NOW },
    );
    expect(nz.today).toBe("2026-07-15");
    expect(nz.streak).toMatchObject({ current: 1, activeToday: true });
    expect(nz.calendar.days.find((c) => c.day === "2026-07-15")?.count).toBe(1);

    const la = await getDashboard(
      t.db,
      { userId: kiwi.userId },
      { timeZone: "America/Los_Angeles", now: NOW },
    );
    expect(la.today).toBe("2026-07-15");
    expect(la.streak).toMatchObject({ current: 1, activeToday: false });
    expect(la.calendar.days.find((c) => c.day === "2026-07-14")?.count).toBe(1);
    expect(la.calendar.days.find((c) => c.day === "2026-07-15")?.count).toBe(0);
  });

  it("follows the lowest open step, counts progress, and notices a stalled step", async () => {
    const sam = await ownerWithJourney();
    const step = (n: number) =>
      and(eq(stepProgress.journeyId, sam.journey.id), eq(stepProgress.stepNumber, n));
    await t.db
      .update(stepProgress)
      .set({ status: "done", completedAt: daysAgo(20) })
      .where(step(1));
    // Step 2 opened 20 days ago, last touched 15 days ago: twice its 7-day pace has passed.
    await t.db
      .update(stepProgress)
      .set({ status: "open", openedAt: daysAgo(20), lastActivityAt: daysAgo(15) })
      .where(step(2));
    for (const key of ["choose-opener", "draft-hello", "send-hello"]) {
      await seed.task(sam.seed, 1, key, daysAgo(21));
    }
    const d = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });
    expect(d.journey).toMatchObject({
      currentStep: {
        number: 2,
        daysOnStep: 20,
        daysSinceActivity: 15,
        stalled: true,
        stalledNudge: expect.stringContaining("write a single sentence"),
      },
      stepsDone: 1,
      requiredTasksDone: 3,
      progress: { steps: 1 / 7, tasks: 3 / 23 },
    });

    // A fresh touch on the step clears the nudge.
    await t.db
      .update(stepProgress)
      .set({ lastActivityAt: hoursAgo(2) })
      .where(step(2));
    const fresh = await getDashboard(t.db, { userId: sam.userId }, { timeZone: BERLIN, now: NOW });
    expect(fresh.journey?.currentStep).toMatchObject({ stalled: false, stalledNudge: null });
  });

  it("reads the last twelve weeks in at most 3 statements, within the request's budget of 4", async () => {
    // The session lookup is the fourth: see "SQL statements per request" in docs/benchmarks.md.
    const sam = await ownerWithJourney();
    await seedBusyDay(sam);
    await t.db.insert(pauseDays).values({ userId: sam.userId, day: addDays(TODAY, -2) });
    const counted = recordingDb(t.db);

    const d = await getDashboard(
      counted.db,
      { userId: sam.userId },
      { timeZone: BERLIN, now: NOW },
    );

    expect(counted.statements.length, counted.statements.join("\n")).toBeLessThanOrEqual(3);
    expectBusyDay(d, sam);
    expect(d.calendar.days.find((c) => c.day === addDays(TODAY, -2))).toMatchObject({
      paused: true,
      count: 0,
    });
  });

  it("reads one statement per older twelve weeks while a long streak reaches them", async () => {
    const sam = await ownerWithJourney();
    await t.db
      .insert(checkIns)
      .values(
        Array.from({ length: 200 }, (_, n) => ({ userId: sam.userId, day: addDays(TODAY, -n) })),
      );
    const counted = recordingDb(t.db);
    const d = await getDashboard(
      counted.db,
      { userId: sam.userId },
      { timeZone: BERLIN, now: NOW },
    );
    expect(d.streak.current).toBe(200);
    // The calendar's weeks, then the two twelve-week windows before them that the run reaches.
    expect(counted.statements.length, counted.statements.join("\n")).toBeLessThanOrEqual(3 + 2);
  });
});
