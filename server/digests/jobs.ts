import "#server-only";
/**
 * A subscribed buddy's mails as jobs in PostgreSQL, run beside the reminders on the same
 * timer and in the same two halves, each safe with any number of runners on one database:
 *
 * 1. enqueue: every runner may find the same note due; each inserts it with ON CONFLICT DO
 *    NOTHING, and the unique (subscription, kind, period) index keeps exactly one.
 * 2. claim and send: a runner takes due rows with FOR UPDATE SKIP LOCKED and marks them
 *    "sending" in the same statement, so no other runner can take them, then sends.
 *
 * Notes: a weekly one, each seven days after the buddy confirmed, and one for each step the
 * owner finishes after that (within the last week, so a runner that was away sends no
 * backlog). Nothing is sent for a link that is revoked or has ended.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type BuddyDigest,
  buddyDigests,
  buddyLinks,
  buddySubscriptions,
  stepProgress,
  users,
} from "@/db/schema";
import { localDay } from "@/lib/stats";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";
import type { Mail } from "@/server/mail";
import { afterMailFailure, CLAIM_BATCH, deliverClaimed } from "@/server/mail-jobs";
import { statusOf, viewFor } from "@/server/services/buddies";
import { stopPath, sweepSubscriptions } from "@/server/services/buddies-mail";
import { hashToken, newToken } from "@/server/tokens";
import { digestMail } from "./mail";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface DigestDeps {
  now: Date;
  /** Sends one mail; throws when the server refuses it (server/mail.ts `sendMail`). */
  send: (mail: Mail) => Promise<unknown>;
  /** The start of links in mails, without a trailing slash. */
  appUrl: string;
}

/** Inserts every note now due for confirmed subscriptions on live links. */
export async function enqueueDigests(db: Db, now: Date): Promise<number> {
  const subscribed = await db
    .select({
      id: buddySubscriptions.id,
      linkId: buddySubscriptions.linkId,
      userId: buddySubscriptions.userId,
      confirmedAt: buddySubscriptions.confirmedAt,
    })
    .from(buddySubscriptions)
    .innerJoin(buddyLinks, eq(buddyLinks.id, buddySubscriptions.linkId))
    .where(
      and(
        isNotNull(buddySubscriptions.confirmedAt),
        isNull(buddyLinks.revokedAt),
        or(isNull(buddyLinks.expiresAt), gt(buddyLinks.expiresAt, now)),
      ),
    );
  let queued = 0;
  for (const sub of subscribed) {
    if (!sub.confirmedAt) continue;
    try {
      const base = { linkId: sub.linkId, subscriptionId: sub.id, dueAt: now, createdAt: now };
      const notes: (typeof buddyDigests.$inferInsert)[] = [];
      const weeks = Math.floor((now.getTime() - sub.confirmedAt.getTime()) / WEEK_MS);
      if (weeks >= 1) notes.push({ ...base, kind: "weekly", periodKey: `week-${weeks}` });
      const since = new Date(Math.max(sub.confirmedAt.getTime(), now.getTime() - WEEK_MS));
      const done = await db
        .select({ journeyId: stepProgress.journeyId, stepNumber: stepProgress.stepNumber })
        .from(stepProgress)
        .where(
          and(
            eq(stepProgress.userId, sub.userId),
            eq(stepProgress.status, "done"),
            gt(stepProgress.completedAt, since),
            lte(stepProgress.completedAt, now),
          ),
        );
      for (const step of done) {
        notes.push({
          ...base,
          kind: "step_done",
          periodKey: `${step.journeyId}:${step.stepNumber}`,
          stepNumber: step.stepNumber,
        });
      }
      if (notes.length === 0) continue;
      const made = await db
        .insert(buddyDigests)
        .values(notes)
        .onConflictDoNothing()
        .returning({ id: buddyDigests.id });
      queued += made.length;
    } catch (error) {
      // One buddy's trouble must not stop everyone else's notes.
      log.error({ error: loggableError(error) }, "a buddy note could not be queued");
    }
  }
  return queued;
}

/** Takes up to `limit` due rows for this runner alone; another runner skips them. */
export async function claimDigests(db: Db, now: Date, limit = CLAIM_BATCH): Promise<BuddyDigest[]> {
  const due = db
    .select({ id: buddyDigests.id })
    .from(buddyDigests)
    .where(and(eq(buddyDigests.status, "pending"), lte(buddyDigests.dueAt, now)))
    .orderBy(asc(buddyDigests.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(buddyDigests)
    .set({ status: "sending", claimedAt: now, attempts: sql`${buddyDigests.attempts} + 1` })
    .where(and(inArray(buddyDigests.id, due), eq(buddyDigests.status, "pending")))
    .returning();
}

export type DigestDelivery = "sent" | "retry" | "failed" | "dropped";

/**
 * Sends one claimed note, built from the buddy page's own view at this moment. The link
 * and the subscription are read again first: a link revoked or a buddy who stopped since
 * the note was queued gets nothing. A process that dies mid-send leaves the row "sending"
 * and it is never sent again: a missed note is kinder than two.
 */
export async function deliverDigest(
  db: Db,
  row: BuddyDigest,
  deps: DigestDeps,
): Promise<DigestDelivery> {
  const done = (set: Partial<BuddyDigest>) =>
    db.update(buddyDigests).set(set).where(eq(buddyDigests.id, row.id));
  const [found] = row.subscriptionId
    ? await db
        .select({ subscription: buddySubscriptions, link: buddyLinks, timeZone: users.timeZone })
        .from(buddySubscriptions)
        .innerJoin(buddyLinks, eq(buddyLinks.id, buddySubscriptions.linkId))
        .innerJoin(users, eq(users.id, buddyLinks.userId))
        .where(
          and(
            eq(buddySubscriptions.id, row.subscriptionId),
            isNotNull(buddySubscriptions.confirmedAt),
          ),
        )
    : [];
  if (!found || statusOf(found.link, deps.now) !== "active") {
    await done({ status: "dropped" });
    return "dropped";
  }
  try {
    const view = await viewFor(db, found.link, deps.now);
    const stop = newToken();
    // Stored before the mail leaves, so its stop link works the moment it arrives.
    await done({ stopTokenHash: hashToken(stop) });
    await deps.send(
      digestMail(found.subscription.email, {
        kind: row.kind,
        stepNumber: row.stepNumber,
        view,
        today: localDay(deps.now, found.timeZone),
        stopUrl: `${deps.appUrl}${stopPath(stop)}`,
      }),
    );
    await done({ status: "sent", sentAt: deps.now });
    return "sent";
  } catch (e) {
    const next = afterMailFailure(e, row, deps.now, "a buddy note could not be sent");
    await done(next);
    return next.status === "failed" ? "failed" : "retry";
  }
}

export interface DigestRunResult {
  queued: number;
  sent: number;
  failed: number;
}

/** One run: forget addresses nothing will go to, queue what is due, send what this runner claims. */
export async function runDigests(db: Db, deps: DigestDeps): Promise<DigestRunResult> {
  await sweepSubscriptions(db, deps.now);
  const queued = await enqueueDigests(db, deps.now);
  const outcomes = await deliverClaimed(
    () => claimDigests(db, deps.now),
    (row) => deliverDigest(db, row, deps),
  );
  return { queued, sent: outcomes.sent ?? 0, failed: outcomes.failed ?? 0 };
}
