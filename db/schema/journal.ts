import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, idempotencyKey, ownerId, updatedAt, version } from "./columns";
import { journeys } from "./journeys";

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    journeyId: uuid().references(() => journeys.id, { onDelete: "set null" }),
    stepNumber: smallint(),
    mood: smallint().notNull(),
    body: text().notNull(),
    /** Private unless the user marks this one entry as shared with their buddies. */
    sharedWithBuddies: boolean().notNull().default(false),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Newest first with a (created_at, id) cursor; the mood last, so the dashboard's count of
    // entries and moods reads the index alone, not a page of the table for every entry.
    index("journal_entries_user_id_created_at_mood_idx").on(
      t.userId,
      t.createdAt.desc(),
      t.id.desc(),
      t.mood,
    ),
    index("journal_entries_journey_id_idx").on(t.journeyId),
    uniqueIndex("journal_entries_idempotency_idx").on(t.userId, t.idempotencyKey),
    check("journal_entries_mood_check", sql`${t.mood} between 1 and 5`),
  ],
);

export type JournalEntry = typeof journalEntries.$inferSelect;
