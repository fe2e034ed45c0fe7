import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, idempotencyKey, ownerId, updatedAt, version } from "./columns";

export const contactLevel = pgEnum("contact_level", ["none", "occasional", "regular"]);
export const pronouns = pgEnum("pronouns", ["he", "she", "they"]);
export const readinessResult = pgEnum("readiness_result", ["ready", "unsure", "not_yet"]);
export const journeyStatus = pgEnum("journey_status", ["active", "ended"]);
export const outcome = pgEnum("outcome", ["back_together", "still_working", "moving_on"]);
export const stepStatus = pgEnum("step_status", ["locked", "open", "done"]);

/** One attempt at the plan. A user has at most one active journey; ended ones stay as history. */
export const journeys = pgTable(
  "journeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    /** The content version it started on, so later edits to the program never shift it. */
    programVersion: integer().notNull(),
    status: journeyStatus().notNull().default("active"),
    breakupDate: date({ mode: "string" }).notNull(),
    contactLevel: contactLevel().notNull(),
    exName: text(),
    exPronouns: pronouns().notNull(),
    readinessResult: readinessResult().notNull(),
    readinessAnswers: jsonb().$type<Record<string, string>>().notNull(),
    readinessAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    safetyConcern: boolean().notNull().default(false),
    outcome: outcome(),
    outcomeNote: text(),
    endedAt: timestamp({ withTimezone: true }),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("journeys_user_id_idx").on(t.userId, t.createdAt),
    uniqueIndex("journeys_one_active_idx").on(t.userId).where(sql`${t.status} = 'active'`),
    uniqueIndex("journeys_idempotency_idx").on(t.userId, t.idempotencyKey),
  ],
);

/** Where each of the seven steps stands in a journey. */
export const stepProgress = pgTable(
  "step_progress",
  {
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    userId: ownerId(),
    stepNumber: smallint().notNull(),
    status: stepStatus().notNull().default("locked"),
    openedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    /** Any task, reflection, draft, contact or entry tied to the step; drives "stalled". */
    lastActivityAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.stepNumber] }),
    index("step_progress_user_id_idx").on(t.userId),
    // A journey's steps as the dashboard and the plan read them, from the index alone: a
    // person's seven rows are written over weeks, so their table rows sit on seven pages.
    index("step_progress_journey_id_user_id_idx").on(
      t.journeyId,
      t.userId,
      t.stepNumber,
      t.status,
      t.openedAt,
      t.completedAt,
      t.lastActivityAt,
    ),
    check("step_progress_step_number_check", sql`${t.stepNumber} between 1 and 7`),
  ],
);

export const taskCompletions = pgTable(
  "task_completions",
  {
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    userId: ownerId(),
    stepNumber: smallint().notNull(),
    taskKey: text().notNull(),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.stepNumber, t.taskKey] }),
    index("task_completions_user_id_idx").on(t.userId, t.completedAt),
    // The tasks done, by journey or by step, checked against their owner from the index alone.
    index("task_completions_journey_id_step_user_idx").on(
      t.journeyId,
      t.stepNumber,
      t.userId,
      t.taskKey,
    ),
  ],
);

export const reflections = pgTable(
  "reflections",
  {
    id: uuid().primaryKey().defaultRandom(),
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    userId: ownerId(),
    stepNumber: smallint().notNull(),
    promptKey: text().notNull(),
    body: text().notNull(),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("reflections_journey_id_idx").on(t.journeyId, t.stepNumber),
    index("reflections_user_id_idx").on(t.userId, t.createdAt),
    uniqueIndex("reflections_idempotency_idx").on(t.userId, t.idempotencyKey),
  ],
);

/** Step 4: good memories to bring up, and whether one has been shared yet. */
export const memories = pgTable(
  "memories",
  {
    id: uuid().primaryKey().defaultRandom(),
    journeyId: uuid()
      .notNull()
      .references(() => journeys.id, { onDelete: "cascade" }),
    userId: ownerId(),
    body: text().notNull(),
    sharedAt: timestamp({ withTimezone: true }),
    idempotencyKey: idempotencyKey(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("memories_journey_id_idx").on(t.journeyId),
    index("memories_user_id_idx").on(t.userId),
    uniqueIndex("memories_idempotency_idx").on(t.userId, t.idempotencyKey),
  ],
);

export type Journey = typeof journeys.$inferSelect;
export type NewJourney = typeof journeys.$inferInsert;
export type StepProgress = typeof stepProgress.$inferSelect;
export type Reflection = typeof reflections.$inferSelect;
export type Memory = typeof memories.$inferSelect;
