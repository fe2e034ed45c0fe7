import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { buddyLinks } from "./buddies";
import { createdAt, ownerId } from "./columns";

/**
 * A buddy's e-mail address, given on the buddy page to hear how the owner is doing. Kept
 * only for this: nothing is sent until the buddy opens the confirming link, and the row
 * (with the address) goes when they stop, when the owner stops it, and with the link.
 * A link has at most one confirmed subscription and one waiting to be confirmed.
 */
export const buddySubscriptions = pgTable(
  "buddy_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    linkId: uuid()
      .notNull()
      .references(() => buddyLinks.id, { onDelete: "cascade" }),
    /** The link's owner, so the owner's queries filter by owner like everywhere else. */
    userId: ownerId(),
    email: text().notNull(),
    /** SHA-256 of the token in the confirming mail. */
    confirmTokenHash: text().notNull(),
    /** SHA-256 of the token in the confirming mail's stop link. */
    stopTokenHash: text().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("buddy_subscriptions_link_id_confirmed_idx")
      .on(t.linkId)
      .where(sql`${t.confirmedAt} is not null`),
    uniqueIndex("buddy_subscriptions_link_id_pending_idx")
      .on(t.linkId)
      .where(sql`${t.confirmedAt} is null`),
    uniqueIndex("buddy_subscriptions_confirm_token_hash_idx").on(t.confirmTokenHash),
    uniqueIndex("buddy_subscriptions_stop_token_hash_idx").on(t.stopTokenHash),
    index("buddy_subscriptions_user_id_idx").on(t.userId),
    check("buddy_subscriptions_email_check", sql`char_length(${t.email}) <= 254`),
  ],
);

export const buddyDigestKind = pgEnum("buddy_digest_kind", ["weekly", "step_done"]);
/**
 * pending: due, waiting for a runner; sending: claimed by one runner; sent; failed: the
 * mail kept failing; dropped: the link or the subscription went before it was sent.
 */
export const buddyDigestStatus = pgEnum("buddy_digest_status", [
  "pending",
  "sending",
  "sent",
  "failed",
  "dropped",
]);

/**
 * Mails to a subscribed buddy, as jobs: one row per note, inserted by whichever runner sees
 * it due first (the unique index makes a second insert a no-op), then claimed with
 * FOR UPDATE SKIP LOCKED by exactly one runner to send. A sent row keeps the SHA-256 of its
 * own stop link; the address itself is only on the subscription.
 */
export const buddyDigests = pgTable(
  "buddy_digests",
  {
    id: uuid().primaryKey().defaultRandom(),
    linkId: uuid()
      .notNull()
      .references(() => buddyLinks.id, { onDelete: "cascade" }),
    /** Null once the buddy stops: the row stays so an old stop link still says "stopped". */
    subscriptionId: uuid().references(() => buddySubscriptions.id, { onDelete: "set null" }),
    kind: buddyDigestKind().notNull(),
    /** Which note: "week-3" for the third week after confirming, "<journey>:<step>" for a step. */
    periodKey: text().notNull(),
    stepNumber: smallint(),
    status: buddyDigestStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    stopTokenHash: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("buddy_digests_subscription_id_kind_period_idx").on(
      t.subscriptionId,
      t.kind,
      t.periodKey,
    ),
    index("buddy_digests_status_due_at_idx").on(t.status, t.dueAt),
    index("buddy_digests_link_id_idx").on(t.linkId),
    uniqueIndex("buddy_digests_stop_token_hash_idx").on(t.stopTokenHash),
  ],
);

export type BuddySubscription = typeof buddySubscriptions.$inferSelect;
export type BuddyDigest = typeof buddyDigests.$inferSelect;
