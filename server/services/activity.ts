import "#server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { checkIns, pauseDays, users } from "@/db/schema";
import type {
  ActivityToday,
  CheckIn,
  checkInInput,
  PauseResult,
  pauseDayInput,
  unpauseDayInput,
} from "@/lib/schemas/activity";
import {
  addDays,
  checkPause,
  type Day,
  daysBetween,
  FALLBACK_LOCALE,
  formatDay,
  localDay,
  MAX_PAUSE_DAYS,
  PAUSE_REACH_DAYS,
  PAUSE_WINDOW_DAYS,
  pauseDaysLeft,
  type UserClock,
} from "@/lib/stats";
import { AppError } from "@/server/errors";
import type { Actor, Tx } from "./common";

const todayFor = (clock: UserClock) => localDay(clock.now ?? new Date(), clock.timeZone);

/**
 * Records today's check-in. Once a day: a second check-in the same day changes the mood
 * (when one is given) and never fails, so a double tap or a second device is harmless.
 */
export async function checkIn(
  db: Db,
  actor: Actor,
  input: z.output<typeof checkInInput>,
  clock: UserClock,
): Promise<CheckIn> {
  const [row] = await db
    .insert(checkIns)
    .values({ userId: actor.userId, day: todayFor(clock), mood: input.mood ?? null })
    .onConflictDoUpdate({
      target: [checkIns.userId, checkIns.day],
      set: { mood: sql`coalesce(excluded.mood, ${checkIns.mood})` },
    })
    .returning({ day: checkIns.day, mood: checkIns.mood });
  if (!row) throw new Error("check-in upsert returned nothing");
  return row;
}

/** Pause days of the user from `from` to `to`, both included. */
async function pauseDaysBetween(db: Tx, actor: Actor, from: Day, to: Day): Promise<Day[]> {
  const rows = await db
    .select({ day: pauseDays.day })
    .from(pauseDays)
    .where(
      and(eq(pauseDays.userId, actor.userId), gte(pauseDays.day, from), lte(pauseDays.day, to)),
    );
  return rows.map((r) => r.day);
}

/** Pause days are set close to now: a week back (a day forgotten) or a week ahead (a plan). */
function withinReach(day: Day, today: Day, verb: "pause" | "unpause"): void {
  if (Math.abs(daysBetween(today, day)) <= PAUSE_REACH_DAYS) return;
  throw new AppError(
    "BAD_REQUEST",
    `You can ${verb} a day up to ${PAUSE_REACH_DAYS} days back or ${PAUSE_REACH_DAYS} days ahead.`,
    "day",
  );
}

/** The pause days that can bear on the 30-day windows around `day`. */
const aroundDay = (db: Tx, actor: Actor, day: Day) =>
  pauseDaysBetween(
    db,
    actor,
    addDays(day, -(PAUSE_WINDOW_DAYS - 1)),
    addDays(day, PAUSE_WINDOW_DAYS - 1),
  );

/**
 * Marks a day (today by default) as a pause day: a chosen rest that keeps the streak. At
 * most four fit in any 30 days; the fifth is refused with when the next one frees up.
 * Pausing a day already paused changes nothing and succeeds.
 */
export async function pauseDay(
  db: Db,
  actor: Actor,
  input: z.output<typeof pauseDayInput>,
  clock: UserClock,
): Promise<PauseResult> {
  const today = todayFor(clock);
  const day = input.day ?? today;
  const locale = clock.locale ?? FALLBACK_LOCALE;
  withinReach(day, today, "pause");
  return db.transaction(async (tx) => {
    // One pause at a time per person: two devices racing must not both take the last one.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const check = checkPause(await aroundDay(tx, actor, day), day);
    if (!check.allowed) {
      throw new AppError(
        "BAD_REQUEST",
        `No pause days are left for ${formatDay(day, locale)}: you've used all ${MAX_PAUSE_DAYS} for this ` +
          `${PAUSE_WINDOW_DAYS}-day stretch. The next one frees up on ${formatDay(check.nextFree, locale)}.`,
      );
    }
    await tx.insert(pauseDays).values({ userId: actor.userId, day }).onConflictDoNothing();
    return { day, paused: true, pauseDaysLeft: check.left };
  });
}

/** Turns a pause day back into an ordinary day. Unpausing a day that isn't paused succeeds. */
export async function unpauseDay(
  db: Db,
  actor: Actor,
  input: z.output<typeof unpauseDayInput>,
  clock: UserClock,
): Promise<PauseResult> {
  withinReach(input.day, todayFor(clock), "unpause");
  return db.transaction(async (tx) => {
    await tx
      .delete(pauseDays)
      .where(and(eq(pauseDays.userId, actor.userId), eq(pauseDays.day, input.day)));
    const left = pauseDaysLeft(await aroundDay(tx, actor, input.day), input.day);
    return { day: input.day, paused: false, pauseDaysLeft: left };
  });
}

/** Today at a glance: checked in (and with what mood), paused, pause days left. */
export async function today(db: Db, actor: Actor, clock: UserClock): Promise<ActivityToday> {
  const day = todayFor(clock);
  const [[checkInRow], paused] = await Promise.all([
    db
      .select({ mood: checkIns.mood })
      .from(checkIns)
      .where(and(eq(checkIns.userId, actor.userId), eq(checkIns.day, day))),
    aroundDay(db, actor, day),
  ]);
  return todayFrom(day, checkInRow, paused);
}

/**
 * Today's check-in and pauses from what was read: `pauseDays` must hold at least every
 * pause day within PAUSE_WINDOW_DAYS of `day` (Home passes its dashboard's window).
 */
export function todayFrom(
  day: Day,
  checkIn: { mood: number | null } | undefined,
  pauseDays: Day[],
): ActivityToday {
  const paused = pauseDays.filter(
    (d) => d >= addDays(day, -(PAUSE_WINDOW_DAYS - 1)) && d <= addDays(day, PAUSE_WINDOW_DAYS - 1),
  );
  const nearbyFrom = addDays(day, -PAUSE_REACH_DAYS);
  const nearbyTo = addDays(day, PAUSE_REACH_DAYS);
  return {
    day,
    checkedIn: checkIn !== undefined,
    mood: checkIn?.mood ?? null,
    paused: paused.includes(day),
    pauseDaysLeft: pauseDaysLeft(paused, day),
    pauseDaysNearby: paused.filter((d) => d >= nearbyFrom && d <= nearbyTo).sort(),
  };
}
