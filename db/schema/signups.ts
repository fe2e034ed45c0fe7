import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A sign-up waiting for its e-mail link. The account exists only once the link is opened
 * and whoever opened it has chosen a name and password, so sign-up can answer every address
 * alike ("check your inbox") and nobody can set the password of an address they do not
 * hold. Only the SHA-256 of the link's token is kept; a row lives a day.
 */
export const pendingSignUps = pgTable(
  "pending_sign_ups",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    /** The browser's zone when the form was sent; the account starts with it. */
    timeZone: text().notNull(),
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
