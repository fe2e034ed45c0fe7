import "#server-only";
/**
 * Reminders as jobs in PostgreSQL. A run has two halves, each safe with any number of
 * runners on one database:
 *
 * 1. enqueue: every runner may find the same person due; each inserts today's row with
 *    ON CONFLICT DO NOTHING, and the unique (user_id, local_date) index keeps exactly one.
 * 2. claim and deliver: a runner takes due rows with FOR UPDATE SKIP LOCKED and marks them
 *    "sending" in the same statement, so no other runner can take them, then sends.
 *
 * Rows and SKIP LOCKED rather than a job library such as pg-boss: this works the same on
 * PGlite (the embedded database, one process) and on PostgreSQL, which pg-boss does not.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Reminder, reminderSettings, reminders, users } from "@/db/schema";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";
import type { Mail } from "@/server/mail";
import { afterMailFailure, CLAIM_BATCH, deliverClaimed } from "@/server/mail-jobs";
import { pushReminder } from "@/server/push/jobs";
import type { Pusher } from "@/server/push/send";
import { stopPath } from "@/server/services/buddies-mail";
import { activeOn, prefsOf, stalledStep } from "@/server/services/reminders";
import { hashToken, newToken } from "@/server/tokens";
import { reminderMail } from "./mail";
import { reminderDue } from "./schedule";

export interface ReminderDeps {
  now: Date;
  /** Sends one mail; throws when the server refuses it (server/mail.ts `sendMail`). */
  send: (mail: Mail) => Promise<unknown>;
  /** The start of links in mails, without a trailing slash. */
  appUrl: string;
  /** Pushes to a device (server/push/send.ts); null or absent when push is off. */
  push?: Pusher | null;
}

/**
 * Makes today's reminder row for everyone it is due for. A stalled step takes the day's
 * one reminder, once per idle stretch; otherwise it is the daily check-in.
 */
export async function enqueueDue(db: Db, now: Date): Promise<number> {
  const people = await db
    .select({ settings: reminderSettings, timeZone: users.timeZone })
    .from(reminderSettings)
    .innerJoin(users, eq(users.id, reminderSettings.userId))
    .where(eq(reminderSettings.enabled, true));
  let queued = 0;
  for (const { settings, timeZone } of people) {
    const userId = settings.userId;
    try {
      // The cheap checks first: only the few people at or past their time read more.
      const early = reminderDue(prefsOf(settings), {
        now,
        timeZone,
        activeToday: false,
        remindedToday: false,
      });
      if (!early.due) continue;
      const day = early.day;
      const [existing] = await db
        .select({ id: reminders.id })
        .from(reminders)
        .where(and(eq(reminders.userId, userId), eq(reminders.localDate, day)));
      if (existing) continue;
      if (await activeOn(db, userId, day, timeZone)) continue;

      const common = {
        userId,
        localDate: day,
        // Saving the settings already refused mail where none can be sent.
        byEmail: settings.email,
        byPush: settings.push,
        dueAt: now,
        createdAt: now,
      };
      const stalled = await stalledStep(db, userId, day, timeZone);
      // No conflict target: either unique index (the day, or the stalled stretch) may say no.
      let made = stalled
        ? await db
            .insert(reminders)
            .values({
              ...common,
              kind: "stalled_step",
              journeyId: stalled.journeyId,
              stepNumber: stalled.stepNumber,
              stalledSince: stalled.since,
            })
            .onConflictDoNothing()
            .returning({ id: reminders.id })
        : [];
      if (made.length === 0) {
        made = await db
          .insert(reminders)
          .values({ ...common, kind: "check_in" })
          .onConflictDoNothing()
          .returning({ id: reminders.id });
      }
      queued += made.length;
    } catch (error) {
      // One person's trouble must not stop everyone else's reminders.
      log.error({ error: loggableError(error) }, "a reminder could not be queued");
    }
  }
  return queued;
}

/** Takes up to `limit` due rows for this runner alone; another runner skips them. */
export async function claimDue(db: Db, now: Date, limit = CLAIM_BATCH): Promise<Reminder[]> {
  const due = db
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(eq(reminders.status, "pending"), lte(reminders.dueAt, now)))
    .orderBy(asc(reminders.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(reminders)
    .set({ status: "sending", claimedAt: now, attempts: sql`${reminders.attempts} + 1` })
    .where(and(inArray(reminders.id, due), eq(reminders.status, "pending")))
    .returning();
}

export type Delivery = "delivered" | "retry" | "failed";

/**
 * Delivers one claimed reminder: in the app it is there already (the home page reads the
 * row); by mail when asked. A process that dies mid-send leaves the row "sending" and it
 * is never sent again: a missed reminder is kinder than two.
 */
export async function deliver(db: Db, row: Reminder, deps: ReminderDeps): Promise<Delivery> {
  const done = (set: Partial<Reminder>) =>
    db.update(reminders).set(set).where(eq(reminders.id, row.id));
  await pushReminder(db, row, deps.push, deps.now);
  if (!row.byEmail) {
    await done({ status: "delivered", deliveredAt: deps.now });
    return "delivered";
  }
  try {
    const [user] = await db
      .select({ email: users.email, displayName: users.displayName, discreet: users.discreet })
      .from(users)
      .where(eq(users.id, row.userId));
    if (!user) {
      await done({ status: "failed" });
      return "failed";
    }
    // A one-click stop link of its own; stored before the mail leaves, so it works on arrival.
    const stop = newToken();
    await done({ stopTokenHash: hashToken(stop) });
    await deps.send(
      reminderMail(user.email, {
        kind: row.kind,
        stepNumber: row.stepNumber,
        discreet: user.discreet,
        displayName: user.displayName,
        appUrl: deps.appUrl,
        stopUrl: `${deps.appUrl}${stopPath(stop)}`,
      }),
    );
    await done({ status: "delivered", deliveredAt: deps.now });
    return "delivered";
  } catch (e) {
    const next = afterMailFailure(e, row, deps.now, "a reminder mail could not be sent");
    await done(next);
    return next.status === "failed" ? "failed" : "retry";
  }
}

export interface RunResult {
  queued: number;
  delivered: number;
  failed: number;
}

/** One run: queue what is due, then deliver what this runner claims. */
export async function runReminders(db: Db, deps: ReminderDeps): Promise<RunResult> {
  const queued = await enqueueDue(db, deps.now);
  const outcomes = await deliverClaimed(
    () => claimDue(db, deps.now),
    (row) => deliver(db, row, deps),
  );
  return { queued, delivered: outcomes.delivered ?? 0, failed: outcomes.failed ?? 0 };
}
