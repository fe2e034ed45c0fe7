import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns, pauseDays } from "@/db/schema";
import { addDays, localDay } from "@/lib/stats";
import { AppError } from "@/server/errors";
import * as activity from "@/server/services/activity";
import { setupTestDb } from "../helpers/db";
import { createUser, signedInUser } from "../helpers/users";

const t = setupTestDb();

// 20:00 UTC on 1 July 2026: already the 2nd in Auckland, still the 1st in Los Angeles.
const NOW = new Date("2026-07-01T20:00:00Z");
const auckland = { timeZone: "Pacific/Auckland", now: NOW };
const losAngeles = { timeZone: "America/Los_Angeles", now: NOW };

const checkInRows = (userId: string) =>
  t.db.select().from(checkIns).where(eq(checkIns.userId, userId)).orderBy(checkIns.day);
const pausedDays = async (userId: string) =>
  (
    await t.db
      .select({ day: pauseDays.day })
      .from(pauseDays)
      .where(eq(pauseDays.userId, userId))
      .orderBy(pauseDays.day)
  ).map((r) => r.day);

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

describe("checking in", () => {
  it("records today in the user's own time zone", async () => {
    const kiwi = await createUser(t.db);
    const angeleno = await createUser(t.db);
    expect(await activity.checkIn(t.db, { userId: kiwi.userId }, { mood: 4 }, auckland)).toEqual({
      day: "2026-07-02",
      mood: 4,
    });
    await activity.checkIn(t.db, { userId: angeleno.userId }, {}, losAngeles);
    expect((await checkInRows(angeleno.userId)).map((r) => r.day)).toEqual(["2026-07-01"]);
  });

  it("is once a day: a second check-in changes the mood and never fails", async () => {
    const sam = await createUser(t.db);
    const me = { userId: sam.userId };
    await activity.checkIn(t.db, me, { mood: 2 }, auckland);
    expect(await activity.checkIn(t.db, me, { mood: 5 }, auckland)).toEqual({
      day: "2026-07-02",
      mood: 5,
    });
    // A check-in without a mood keeps the one already given.
    expect(await activity.checkIn(t.db, me, {}, auckland)).toMatchObject({ mood: 5 });
    expect(await checkInRows(sam.userId)).toHaveLength(1);

    const tomorrow = { ...auckland, now: new Date(NOW.getTime() + 86_400_000) };
    await activity.checkIn(t.db, me, {}, tomorrow);
    expect((await checkInRows(sam.userId)).map((r) => [r.day, r.mood])).toEqual([
      ["2026-07-02", 5],
      ["2026-07-03", null],
    ]);
  });

  it("makes one row when two devices check in at the same moment", async () => {
    const sam = await signedInUser(t.db);
    const results = await Promise.allSettled([
      sam.caller.activity.checkIn({ mood: 3 }),
      sam.caller.activity.checkIn({ mood: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await checkInRows(sam.userId)).toHaveLength(1);
  });

  it("shows today's check-in through the procedures, in the profile's zone", async () => {
    const sam = await signedInUser(t.db, { timeZone: "Pacific/Auckland" });
    const today = localDay(new Date(), "Pacific/Auckland");
    expect(await sam.caller.activity.today()).toMatchObject({
      day: today,
      checkedIn: false,
      mood: null,
      paused: false,
      pauseDaysLeft: 4,
    });
    await sam.caller.activity.checkIn({ mood: 4 });
    expect(await sam.caller.activity.today()).toMatchObject({ checkedIn: true, mood: 4 });
  });

  it("refuses a mood outside 1–5 and an extra field, naming them", async () => {
    const sam = await signedInUser(t.db);
    const bad = await rejection(sam.caller.activity.checkIn({ mood: 6 }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(bad.message).toContain("mood from 1 to 5");
    const extra = await rejection(
      // @ts-expect-error an owner never comes from input
      sam.caller.activity.checkIn({ mood: 3, userId: sam.userId }),
    );
    expect(extra.message).toContain("userId");
    expect(await checkInRows(sam.userId)).toHaveLength(0);
  });
});

describe("pause days", () => {
  const at = (n: number) => addDays("2026-07-02", n); // today in Auckland

  it("pauses today by default, and pausing twice changes nothing", async () => {
    const sam = await createUser(t.db);
    const me = { userId: sam.userId };
    expect(await activity.pauseDay(t.db, me, {}, auckland)).toEqual({
      day: "2026-07-02",
      paused: true,
      pauseDaysLeft: 3,
    });
    expect(await activity.pauseDay(t.db, me, { day: "2026-07-02" }, auckland)).toMatchObject({
      paused: true,
      pauseDaysLeft: 3,
    });
    expect(await pausedDays(sam.userId)).toEqual(["2026-07-02"]);
    expect(await activity.today(t.db, me, auckland)).toMatchObject({
      paused: true,
      pauseDaysLeft: 3,
      pauseDaysNearby: ["2026-07-02"],
    });
  });

  it("allows four in 30 days and refuses the fifth, saying none are left and when one frees up", async () => {
    const sam = await createUser(t.db);
    const me = { userId: sam.userId };
    for (const day of [at(-7), at(-3), at(0), at(4)]) {
      await activity.pauseDay(t.db, me, { day }, auckland);
    }
    const refused = await rejection(
      activity.pauseDay(t.db, me, { day: at(6) }, { ...auckland, locale: "en-GB" }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    // 30 days starting 25 June, the first of the four, run to 24 July: the 25th is free.
    expect(refused.message).toBe(
      "No pause days are left for Wednesday 8 July: you've used all 4 for this 30-day stretch. " +
        "The next one frees up on Saturday 25 July.",
    );
    expect(await pausedDays(sam.userId)).toEqual([at(-7), at(-3), at(0), at(4)]);

    // Unpausing one frees it again.
    expect(await activity.unpauseDay(t.db, me, { day: at(4) }, auckland)).toMatchObject({
      paused: false,
      pauseDaysLeft: 1,
    });
    await activity.pauseDay(t.db, me, { day: at(6) }, auckland);
    expect(await pausedDays(sam.userId)).toEqual([at(-7), at(-3), at(0), at(6)]);
  });

  it("lets only one of two devices take the last pause day", async () => {
    const sam = await createUser(t.db);
    const me = { userId: sam.userId };
    for (const day of [at(-6), at(-4), at(-2)])
      await activity.pauseDay(t.db, me, { day }, auckland);
    const results = await Promise.allSettled([
      activity.pauseDay(t.db, me, { day: at(0) }, auckland),
      activity.pauseDay(t.db, me, { day: at(1) }, auckland),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await pausedDays(sam.userId)).toHaveLength(4);
  });

  it("reaches only a week back or ahead, and checks the day is real", async () => {
    const sam = await createUser(t.db);
    const me = { userId: sam.userId };
    const far = await rejection(activity.pauseDay(t.db, me, { day: at(8) }, auckland));
    expect(far).toMatchObject({ code: "BAD_REQUEST", field: "day" });
    expect(far.message).toContain("up to 7 days back or 7 days ahead");
    await activity.pauseDay(t.db, me, { day: at(-7) }, auckland);
    await activity.pauseDay(t.db, me, { day: at(7) }, auckland);

    const caller = (await signedInUser(t.db)).caller;
    const unreal = await rejection(caller.activity.pauseDay({ day: "2026-02-30" }));
    expect(unreal.message).toContain("real day");
  });

  it("never touches another user's pause days", async () => {
    const alice = await signedInUser(t.db);
    const bob = await signedInUser(t.db);
    const today = localDay(new Date(), "UTC");
    await alice.caller.activity.pauseDay({});
    await bob.caller.activity.unpauseDay({ day: today });
    expect(await pausedDays(alice.userId)).toEqual([today]);
    expect(await bob.caller.activity.today()).toMatchObject({ paused: false, pauseDaysLeft: 4 });
    expect(await t.db.select().from(pauseDays).where(eq(pauseDays.userId, bob.userId))).toEqual([]);
  });
});
