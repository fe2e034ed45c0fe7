import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sessions } from "./accounts";
import { encouragementKind } from "./buddies";
import { createdAt, ownerId } from "./columns";

/**
 * One browser's Web Push subscription: where its push service takes messages (the
 * endpoint, a secret address only that browser and Rekindle know) and the keys that
 * encrypt them for it (RFC 8291). Made on a signed-in device and tied to that session, so
 * signing the device out, "sign out everywhere", a password reset and deleting the
 * account all end it with the session (cascade). A push service that answers 404 or 410
 * has forgotten it, and so does Rekindle.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    sessionIdHash: text()
      .notNull()
      .references(() => sessions.idHash, { onDelete: "cascade" }),
    endpoint: text().notNull(),
    /** The browser's P-256 public key and auth secret, base64url as the browser gives them. */
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: createdAt(),
    /** The last time its push service took a message for it. */
    lastSuccessAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One browser, one row: a second person signing in on it takes the subscription over.
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_id_idx").on(t.userId),
    index("push_subscriptions_session_id_hash_idx").on(t.sessionIdHash),
  ],
);

/**
 * A buddy's note waiting to be pushed to its owner's devices. The reminder runner claims
 * rows with FOR UPDATE SKIP LOCKED and deletes them as it claims them, so with any number
 * of instances each note is pushed once (and a runner that dies mid-send sends it never
 * rather than twice). What the push says is decided when it is sent, so discreet mode
 * switched on in between is honoured.
 */
export const pushMessages = pgTable(
  "push_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    kind: encouragementKind().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("push_messages_created_at_idx").on(t.createdAt),
    index("push_messages_user_id_idx").on(t.userId),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type NewPushSubscriptionRow = typeof pushSubscriptions.$inferInsert;
export type PushMessage = typeof pushMessages.$inferSelect;
