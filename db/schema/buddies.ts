import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, idempotencyKey, ownerId, updatedAt, version } from "./columns";

export const buddyScope = pgEnum("buddy_scope", ["progress", "progress_and_journal"]);
export const encouragementKind = pgEnum("encouragement_kind", ["encouragement", "nudge"]);

/**
 * A link an owner gives one buddy. Only the SHA-256 of its token is kept: a copy of the
 * database never opens anyone's page.
 */
export const buddyLinks = pgTable(
  "buddy_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    label: text().notNull(),
    scope: buddyScope().notNull().default("progress"),
    /** Discreet by default: the ex's name appears only when the owner allows it. */
    showExName: boolean().notNull().default(false),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastOpenedAt: timestamp({ withTimezone: true }),
    openCount: integer().notNull().default(0),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("buddy_links_user_id_idx").on(t.userId, t.createdAt),
    uniqueIndex("buddy_links_token_hash_idx").on(t.tokenHash),
    uniqueIndex("buddy_links_idempotency_idx").on(t.userId, t.idempotencyKey),
    check("buddy_links_label_check", sql`char_length(${t.label}) <= 60`),
  ],
);

/** Encouragements and nudges a buddy sent; the owner reads them in the inbox. */
export const encouragements = pgTable(
  "encouragements",
  {
    id: uuid().primaryKey().defaultRandom(),
    linkId: uuid()
      .notNull()
      .references(() => buddyLinks.id, { onDelete: "cascade" }),
    /** The link's owner, so every inbox query filters by the owner like everywhere else. */
    userId: ownerId(),
    kind: encouragementKind().notNull(),
    name: text(),
    message: text().notNull().default(""),
    readAt: timestamp({ withTimezone: true }),
    /** The owner's short "thank you", which the buddy sees on the link's page. */
    thanks: text(),
    thankedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("encouragements_user_id_created_at_idx").on(t.userId, t.createdAt.desc()),
    index("encouragements_link_id_idx").on(t.linkId, t.createdAt),
    check("encouragements_name_check", sql`char_length(${t.name}) <= 40`),
    check("encouragements_message_check", sql`char_length(${t.message}) <= 500`),
    check("encouragements_thanks_check", sql`char_length(${t.thanks}) <= 200`),
  ],
);

export type BuddyLink = typeof buddyLinks.$inferSelect;
export type NewBuddyLink = typeof buddyLinks.$inferInsert;
export type Encouragement = typeof encouragements.$inferSelect;
