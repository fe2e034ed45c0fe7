import "#server-only";
import { and, asc, eq, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  type BuddyLink,
  buddyDigests,
  buddyLinks,
  buddySubscriptions,
  encouragements,
  reminderSettings,
  reminders,
} from "@/db/schema";
import type { BuddyLinkView } from "@/lib/schemas/buddies";
import {
  type BuddyUpdatesList,
  buddySubscribeInput,
  type stopBuddyUpdatesInput,
  type thankInput,
} from "@/lib/schemas/buddy-mail";
import { AppError } from "@/server/errors";
import { type Limits, RateLimitedError, limits as sharedLimits } from "@/server/limits";
import { type Mail, sendMail } from "@/server/mail";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import { revokeLink, statusOf } from "./buddies";
import { type Actor, notFound, type Tx } from "./common";

/**
 * A buddy's e-mail updates: the buddy asks on the page, confirms from the mail (double
 * opt-in: nothing else is sent before), and stops from any mail in one tap. The owner sees
 * per link whether updates are on and can stop them; revoking the link stops them too. The
 * address is kept for this alone and deleted whenever the updates stop.
 */

/** How long a confirming link works. Unconfirmed addresses are deleted after it. */
export const CONFIRM_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export interface SubscribeOptions {
  /** The start of links in mails, without a trailing slash. */
  appUrl: string;
  send?: (mail: Mail) => Promise<unknown>;
  limits?: Pick<Limits, "consume">;
  now?: Date;
}

const confirmPath = (token: string) => `/b/confirm/${token}`;
export const stopPath = (token: string) => `/stop/${token}`;

/**
 * The confirming mail goes to an address that has proved nothing yet, so it carries no
 * words anyone chose: not the owner's name, not the buddy's.
 */
export function confirmMail(to: string, confirmUrl: string, stopUrl: string): Mail {
  return {
    to,
    subject: "Please confirm your e-mail updates",
    unsubscribeUrl: stopUrl,
    text: [
      "Hello,",
      "",
      "Someone asked, on a friend's Rekindle page, for short updates at this address: a note each week and one when a step is done.",
      "",
      "To start them, open this link and confirm:",
      confirmUrl,
      "",
      "If that wasn't you, there is nothing to do: nothing more is sent unless the link is opened, and the address is deleted in three days.",
      `To delete it now: ${stopUrl}`,
    ].join("\n"),
  };
}

/**
 * Takes the buddy's address for this live link and mails the confirming link. One mail
 * per address per 15 minutes, whoever asks; past that, nothing is stored or sent, and the
 * page answers the same. A new address waits beside a confirmed one and takes its place
 * only once confirmed.
 */
export async function subscribeLink(
  db: Db,
  link: BuddyLink,
  raw: unknown,
  options: SubscribeOptions,
): Promise<void> {
  const parsed = buddySubscribeInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "BAD_REQUEST",
      parsed.error.issues[0]?.message ?? "Please enter your e-mail address.",
      "email",
    );
  }
  const { email } = parsed.data;
  const now = options.now ?? new Date();
  try {
    await (options.limits ?? (await sharedLimits())).consume("buddyMailPerEmail", email);
  } catch (e) {
    if (RateLimitedError.is(e)) return;
    throw e;
  }
  const confirm = newToken();
  const stop = newToken();
  await db.transaction(async (tx) => {
    await tx
      .delete(buddySubscriptions)
      .where(and(eq(buddySubscriptions.linkId, link.id), isNull(buddySubscriptions.confirmedAt)));
    await tx.insert(buddySubscriptions).values({
      linkId: link.id,
      userId: link.userId,
      email,
      confirmTokenHash: hashToken(confirm),
      stopTokenHash: hashToken(stop),
      createdAt: now,
    });
  });
  await (options.send ?? sendMail)(
    confirmMail(
      email,
      `${options.appUrl}${confirmPath(confirm)}`,
      `${options.appUrl}${stopPath(stop)}`,
    ),
  );
}

/** What a confirming link finds: waiting, already confirmed, or nothing (unknown, old, dead). */
export type ConfirmState = "pending" | "confirmed" | null;

async function subscriptionToConfirm(db: Tx, token: string, now: Date) {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({ subscription: buddySubscriptions, link: buddyLinks })
    .from(buddySubscriptions)
    .innerJoin(buddyLinks, eq(buddyLinks.id, buddySubscriptions.linkId))
    .where(eq(buddySubscriptions.confirmTokenHash, hashToken(token)));
  if (!row || statusOf(row.link, now) !== "active") return null;
  const { subscription } = row;
  if (
    !subscription.confirmedAt &&
    now.getTime() - subscription.createdAt.getTime() > CONFIRM_WINDOW_MS
  ) {
    return null;
  }
  return subscription;
}

/** For the confirming page: whether there is anything to confirm. Changes nothing. */
export async function confirmState(db: Db, token: string, now = new Date()): Promise<ConfirmState> {
  const subscription = await subscriptionToConfirm(db, token, now);
  if (!subscription) return null;
  return subscription.confirmedAt ? "confirmed" : "pending";
}

/** Turns the updates on; an address confirmed before on this link makes way for it. */
export async function confirmSubscription(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ConfirmState> {
  return db.transaction(async (tx) => {
    const subscription = await subscriptionToConfirm(tx, token, now);
    if (!subscription) return null;
    if (subscription.confirmedAt) return "confirmed";
    await tx
      .delete(buddySubscriptions)
      .where(
        and(
          eq(buddySubscriptions.linkId, subscription.linkId),
          isNotNull(buddySubscriptions.confirmedAt),
          ne(buddySubscriptions.id, subscription.id),
        ),
      );
    await tx
      .update(buddySubscriptions)
      .set({ confirmedAt: now })
      .where(
        and(eq(buddySubscriptions.id, subscription.id), isNull(buddySubscriptions.confirmedAt)),
      );
    return "confirmed";
  });
}

/**
 * What a stop link stops: a buddy's updates, a person's reminder mails, or nothing any more
 * ("already": that buddy's updates stopped before). Null for a link that never existed.
 */
export type StopKind = "buddy" | "reminders" | "already";

async function stopTarget(db: Tx, token: string) {
  if (!isTokenShaped(token)) return null;
  const hash = hashToken(token);
  const [subscription] = await db
    .select({ id: buddySubscriptions.id })
    .from(buddySubscriptions)
    .where(eq(buddySubscriptions.stopTokenHash, hash));
  if (subscription) return { kind: "buddy" as const, subscriptionId: subscription.id };
  const [digest] = await db
    .select({ subscriptionId: buddyDigests.subscriptionId })
    .from(buddyDigests)
    .where(eq(buddyDigests.stopTokenHash, hash));
  if (digest) {
    return digest.subscriptionId
      ? { kind: "buddy" as const, subscriptionId: digest.subscriptionId }
      : { kind: "already" as const };
  }
  const [reminder] = await db
    .select({ userId: reminders.userId })
    .from(reminders)
    .where(eq(reminders.stopTokenHash, hash));
  if (reminder) return { kind: "reminders" as const, userId: reminder.userId };
  return null;
}

/** For the stop page: what its button would stop. Changes nothing. */
export async function stopKind(db: Db, token: string): Promise<StopKind | null> {
  return (await stopTarget(db, token))?.kind ?? null;
}

/**
 * Stops what the mail's link stands for, at once and without a session: the token is the
 * key. A buddy's address is deleted; reminder mails are turned off (reminders still show
 * in the app). Stopping twice answers the same.
 */
export async function stopByToken(db: Db, token: string): Promise<StopKind | null> {
  return db.transaction(async (tx) => {
    const target = await stopTarget(tx, token);
    if (!target) return null;
    if (target.kind === "buddy") {
      await tx.delete(buddySubscriptions).where(eq(buddySubscriptions.id, target.subscriptionId));
    }
    if (target.kind === "reminders") {
      await tx
        .update(reminderSettings)
        .set({ email: false })
        .where(eq(reminderSettings.userId, target.userId));
    }
    return target.kind;
  });
}

// ─── The owner's side ───────────────────────────────────────────────────────────────────

/** Per link with a subscription: on (confirmed) or waiting for the buddy to confirm. */
export async function listUpdates(db: Db, actor: Actor): Promise<BuddyUpdatesList> {
  const rows = await db
    .select({
      linkId: buddySubscriptions.linkId,
      confirmedAt: buddySubscriptions.confirmedAt,
      createdAt: buddySubscriptions.createdAt,
    })
    .from(buddySubscriptions)
    .where(eq(buddySubscriptions.userId, actor.userId))
    .orderBy(asc(buddySubscriptions.createdAt));
  const byLink = new Map<string, BuddyUpdatesList[number]>();
  for (const row of rows) {
    const seen = byLink.get(row.linkId);
    if (seen?.updates === "on") continue;
    byLink.set(row.linkId, {
      linkId: row.linkId,
      updates: row.confirmedAt ? "on" : "pending",
      since: row.confirmedAt ?? row.createdAt,
    });
  }
  return [...byLink.values()];
}

/** The owner stops a link's e-mail updates: the buddy's address is deleted at once. */
export async function stopUpdates(
  db: Db,
  actor: Actor,
  input: z.output<typeof stopBuddyUpdatesInput>,
): Promise<{ id: string }> {
  const [link] = await db
    .select({ id: buddyLinks.id })
    .from(buddyLinks)
    .where(and(eq(buddyLinks.userId, actor.userId), eq(buddyLinks.id, input.id)));
  if (!link) throw notFound("link");
  await db
    .delete(buddySubscriptions)
    .where(
      and(eq(buddySubscriptions.userId, actor.userId), eq(buddySubscriptions.linkId, link.id)),
    );
  return link;
}

/**
 * Revokes a link and deletes its buddy's address with it, so no update goes out after.
 * Should the delete fail after the revoke, the runner's sweep deletes the address before
 * it sends anything, and a note for a revoked link is never sent.
 */
export async function revokeLinkAndUpdates(
  db: Db,
  actor: Actor,
  input: z.output<typeof stopBuddyUpdatesInput>,
  now = new Date(),
): Promise<BuddyLinkView> {
  // One transaction: a revoked link never keeps its buddy's address, even for a moment.
  return db.transaction(async (tx) => {
    const link = await revokeLink(tx, actor, input, now);
    await tx
      .delete(buddySubscriptions)
      .where(
        and(eq(buddySubscriptions.userId, actor.userId), eq(buddySubscriptions.linkId, link.id)),
      );
    return link;
  });
}

/** Deletes every address given for a link (it was revoked or ended). */
export async function forgetLinkSubscriptions(db: Tx, linkId: string): Promise<void> {
  await db.delete(buddySubscriptions).where(eq(buddySubscriptions.linkId, linkId));
}

/**
 * Deletes addresses nothing will be sent to: confirming links that were never opened in
 * time, and every address on a link that was revoked or has ended.
 */
export async function sweepSubscriptions(db: Db, now: Date): Promise<number> {
  const stale = await db
    .delete(buddySubscriptions)
    .where(
      and(
        isNull(buddySubscriptions.confirmedAt),
        lt(buddySubscriptions.createdAt, new Date(now.getTime() - CONFIRM_WINDOW_MS)),
      ),
    )
    .returning({ id: buddySubscriptions.id });
  const dead = await db
    .select({ id: buddyLinks.id })
    .from(buddyLinks)
    .innerJoin(buddySubscriptions, eq(buddySubscriptions.linkId, buddyLinks.id))
    .where(or(isNotNull(buddyLinks.revokedAt), lt(buddyLinks.expiresAt, now)));
  for (const { id } of dead) await forgetLinkSubscriptions(db, id);
  return stale.length + dead.length;
}

// ─── Thank you ──────────────────────────────────────────────────────────────────────────

/** The owner's short thank-you to a buddy's note, shown on that link's page. */
export async function thank(
  db: Db,
  actor: Actor,
  input: z.output<typeof thankInput>,
  now = new Date(),
): Promise<{ id: string; thanks: string; thankedAt: Date }> {
  const [row] = await db
    .update(encouragements)
    .set({ thanks: input.thanks, thankedAt: now })
    .where(
      and(
        eq(encouragements.userId, actor.userId),
        eq(encouragements.id, input.id),
        eq(encouragements.kind, "encouragement"),
      ),
    )
    .returning({
      id: encouragements.id,
      thanks: encouragements.thanks,
      thankedAt: encouragements.thankedAt,
    });
  if (!row?.thanks || !row.thankedAt) throw notFound("message");
  return { id: row.id, thanks: row.thanks, thankedAt: row.thankedAt };
}

/** The owner's thank-yous, by message, for the inbox. */
export async function thanksByMessage(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: encouragements.id,
      thanks: encouragements.thanks,
      thankedAt: encouragements.thankedAt,
    })
    .from(encouragements)
    .where(and(eq(encouragements.userId, actor.userId), isNotNull(encouragements.thankedAt)));
  return rows.flatMap((r) =>
    r.thanks && r.thankedAt ? [{ id: r.id, thanks: r.thanks, thankedAt: r.thankedAt }] : [],
  );
}
