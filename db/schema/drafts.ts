import {
  index,
  jsonb,
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

export const draftStatus = pgEnum("draft_status", ["writing", "sent", "discarded"]);

/**
 * A message written before it is sent. It counts as ready only once `coolDownUntil` has
 * passed; every edit of the text starts the cool-down again.
 */
export const drafts = pgTable(
  "drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    stepNumber: smallint().notNull(),
    body: text().notNull(),
    /** The step's self-check answers, by check key. */
    checks: jsonb().$type<Record<string, "yes" | "no">>().notNull().default({}),
    status: draftStatus().notNull().default("writing"),
    coolDownUntil: timestamp({ withTimezone: true }).notNull(),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("drafts_user_id_idx").on(t.userId, t.updatedAt.desc()),
    index("drafts_journey_id_idx").on(t.journeyId, t.stepNumber),
    uniqueIndex("drafts_idempotency_idx").on(t.userId, t.idempotencyKey),
  ],
);

export type Draft = typeof drafts.$inferSelect;
