import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A sign-up waiting for its e-mail link. The account exists only once the link is opened,
 * so sign-up can answer every address alike ("check your inbox"), whether or not it already
 * has an account. Only the SHA-256 of the link's token is kept; a row lives a day.
 */
export const pendingSignUps = pgTable(
  "pending_sign_ups",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    displayName: text().notNull(),
    timeZone: text().notNull(),
    /** argon2id in PHC format, computed when the form was sent. */
    passwordHash: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pending_sign_ups_token_hash_idx").on(t.tokenHash),
    index("pending_sign_ups_email_idx").on(t.email),
  ],
);

export type PendingSignUp = typeof pendingSignUps.$inferSelect;
