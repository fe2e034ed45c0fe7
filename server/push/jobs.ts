import "#server-only";
import { asc, eq, inArray, not, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  pushMessages,
  pushSubscriptions,
  type Reminder,
  reminderSettings,
  reminders,
  users,
} from "@/db/schema";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";
import type { Tx } from "@/server/services/common";
import { vapidKeys } from "./keys";
import { notePush, reminderPush } from "./messages";
import { type Pusher, pushToUser, webPusher } from "./send";

/** Notes one runner claims per run. */
const CLAIM_BATCH = 50;

/** This process's pusher, or null when push is off (production without VAPID keys). */
export function defaultPusher(): Pusher | null {
  const keys = vapidKeys();
  return keys ? webPusher(keys) : null;
}

/**
 * Called where a buddy's note is stored: queues a push to its owner's devices for the
 * reminder runner. Never throws, and runs in a savepoint of its own, so a push that can't
 * be queued never costs the buddy their note.
 */
export async function queueNotePush(
  db: Tx,
  userId: string,
  kind: "encouragement" | "nudge",
  now = new Date(),
): Promise<void> {
  if (!vapidKeys()) return;
  try {
    await db.transaction(async (tx) => {
      const [device] = await tx
        .select({ id: pushSubscriptions.id })
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId))
        .limit(1);
      if (device) await tx.insert(pushMessages).values({ userId, kind, createdAt: now });
    });
  } catch (error) {
    log.error({ error: loggableError(error) }, "a buddy's note could not be queued for push");
  }
}

/**
 * True while a note's owner is in the quiet hours they chose, on their own clock (the SQL
 * twin of reminders' inQuietHours): a buddy's note waits for the morning, never buzzes at 3 a.m.
 */
function ownerInQuietHours(now: Date) {
  const start = reminderSettings.quietStartMinute;
  const end = reminderSettings.quietEndMinute;
  const local = sql`(${now.toISOString()}::timestamptz at time zone ${users.timeZone})`;
  const minute = sql`(extract(hour from ${local}) * 60 + extract(minute from ${local}))::int`;
  return sql`exists (
    select 1 from ${reminderSettings} join ${users} on ${users.id} = ${reminderSettings.userId}
    where ${reminderSettings.userId} = ${pushMessages.userId}
      and ${start} is not null and ${start} <> ${end}
      and case when ${start} < ${end} then ${minute} >= ${start} and ${minute} < ${end}
        else ${minute} >= ${start} or ${minute} < ${end} end)`;
}

/**
 * Pushes the notes waiting in push_messages, except those of people in their quiet hours,
 * which wait for the hours to end. Rows are claimed with FOR UPDATE SKIP LOCKED
 * and deleted in the same statement, so two runners never push one note twice. Several
 * notes for one person in one run make one push (the device would only replace it).
 */
export async function runNotePushes(db: Db, pusher: Pusher | null, now: Date): Promise<number> {
  const next = db
    .select({ id: pushMessages.id })
    .from(pushMessages)
    .where(not(ownerInQuietHours(now)))
    .orderBy(asc(pushMessages.createdAt))
    .limit(CLAIM_BATCH)
    .for("update", { skipLocked: true });
  const claimed = await db
    .delete(pushMessages)
    .where(inArray(pushMessages.id, next))
    .returning({ userId: pushMessages.userId, kind: pushMessages.kind });
  if (!pusher) return 0;
  const byUser = new Map<string, "encouragement" | "nudge">();
  // An encouragement says more than a nudge: it wins when both wait.
  for (const { userId, kind } of claimed) {
    if (byUser.get(userId) !== "encouragement") byUser.set(userId, kind);
  }
  let pushed = 0;
  for (const [userId, kind] of byUser) {
    try {
      const [user] = await db
        .select({ discreet: users.discreet })
        .from(users)
        .where(eq(users.id, userId));
      if (!user) continue;
      const tally = await pushToUser(db, userId, notePush(kind, user.discreet), pusher, now);
      pushed += tally.sent;
    } catch (error) {
      log.error({ error: loggableError(error) }, "a buddy's note could not be pushed");
    }
  }
  return pushed;
}

/**
 * Pushes a claimed reminder to the person's devices when they chose push, once: a mail
 * retried later finds it pushed already. Never throws; the mail goes on either way.
 */
export async function pushReminder(
  db: Db,
  row: Reminder,
  pusher: Pusher | null | undefined,
  now: Date,
): Promise<void> {
  if (!row.byPush || row.pushedAt || !pusher) return;
  try {
    const [user] = await db
      .select({ discreet: users.discreet })
      .from(users)
      .where(eq(users.id, row.userId));
    if (!user) return;
    const payload = reminderPush({
      kind: row.kind,
      stepNumber: row.stepNumber,
      discreet: user.discreet,
    });
    await db.update(reminders).set({ pushedAt: now }).where(eq(reminders.id, row.id));
    await pushToUser(db, row.userId, payload, pusher, now);
  } catch (error) {
    log.error({ error: loggableError(error) }, "a reminder could not be pushed");
  }
}
