import {
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, idempotencyKey, ownerId, updatedAt, version } from "./columns";
import { journeys } from "./journeys";

export const contactChannel = pgEnum("contact_channel", [
  "text",
  "call",
  "in_person",
  "social",
  "other",
]);
export const contactInitiator = pgEnum("contact_initiator", ["me", "them"]);
export const contactFeeling = pgEnum("contact_feeling", ["good", "neutral", "hard"]);

/** Each contact with the ex. Step 7's signal, who reaches out first, is read from here. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    stepNumber: smallint(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    channel: contactChannel().notNull(),
    initiator: contactInitiator().notNull(),
    feeling: contactFeeling().notNull(),
    note: text().notNull().default(""),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("contacts_user_id_occurred_at_idx").on(t.userId, t.occurredAt.desc()),
    // The dashboard counts contacts on the day they were logged, from the index alone.
    index("contacts_user_id_created_at_idx").on(t.userId, t.createdAt),
    // The journey's recent contacts and its last one, who began each, from the index alone.
    index("contacts_journey_id_user_id_occurred_at_idx").on(
      t.journeyId,
      t.userId,
      t.occurredAt,
      t.initiator,
    ),
    uniqueIndex("contacts_idempotency_idx").on(t.userId, t.idempotencyKey),
  ],
);

export type Contact = typeof contacts.$inferSelect;
