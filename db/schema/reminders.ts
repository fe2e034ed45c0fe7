import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
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
import { createdAt, ownerId, updatedAt, version } from "./columns";
import { journeys } from "./journeys";

export const reminderKind = pgEnum("reminder_kind", ["check_in", "stalled_step"]);
/**
 * pending: due, waiting for a runner; sending: claimed by one runner; delivered: shown in
 * the app (and mailed when asked); failed: the mail kept failing; dismissed: the person
 * closed the notice before any runner got to it, so nothing is sent that day.
 */
export const reminderStatus = pgEnum("reminder_status", [
  "pending",
  "sending",
  "delivered",
  "failed",
  "dismissed",
]);

/**
 * When and how a person wants to be reminded. No row: no reminders. Times are minutes
 * after local midnight in the person's own time zone (users.time_zone).
 */
export const reminderSettings = pgTable(
  "reminder_settings",
  {
    userId: ownerId().primaryKey(),
    enabled: boolean().notNull().default(true),
    checkInMinute: smallint().notNull(),
    /** Quiet hours, start included and end excluded; may wrap past midnight. Both or none. */
    quietStartMinute: smallint(),
    quietEndMinute: smallint(),
    /** Mail each reminder too; only honoured when SMTP_URL is set. */
    email: boolean().notNull().default(false),
    /** Push each reminder to the devices the person turned notifications on for. */
    push: boolean().notNull().default(false),
    /** "Snooze for a week": no reminders on local days before this one. */
    resumeOn: date({ mode: "string" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("reminder_settings_check_in_check", sql`${t.checkInMinute} between 0 and 1439`),
    check(
      "reminder_settings_quiet_check",
      sql`(${t.quietStartMinute} is null) = (${t.quietEndMinute} is null)
        and (${t.quietStartMinute} is null or (${t.quietStartMinute} between 0 and 1439
          and ${t.quietEndMinute} between 0 and 1439))`,
    ),
  ],
);

/**
 * Reminders as jobs: one row per person and local day, inserted by whichever runner sees
 * it due first (the unique index makes a second insert a no-op), then claimed with
 * FOR UPDATE SKIP LOCKED by exactly one runner to deliver. The row is also what the home
 * page's notice reads and what "dismiss" marks.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    kind: reminderKind().notNull(),
    /** The person's own calendar day the reminder belongs to. */
    localDate: date({ mode: "string" }).notNull(),
    /** For a stalled step: which step, and since when it has been idle (its episode). */
    journeyId: uuid().references(() => journeys.id, { onDelete: "cascade" }),
    stepNumber: smallint(),
    stalledSince: timestamp({ withTimezone: true }),
    status: reminderStatus().notNull().default("pending"),
    /** Whether this reminder goes out by mail as well as in the app. */
    byEmail: boolean().notNull().default(false),
    /** Whether this reminder is pushed to the person's devices too. */
    byPush: boolean().notNull().default(false),
    /** When it was pushed: a mail retried later does not push it again. */
    pushedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    /** A pending row is claimed from this moment on (later after a failed try). */
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    dismissedAt: timestamp({ withTimezone: true }),
    /** SHA-256 of the token in the mail's one-click stop link, once it is mailed. */
    stopTokenHash: text(),
    createdAt: createdAt(),
  },
  (t) => [
    // At most one reminder a day, whatever its kind: the database says so, not the runner.
    uniqueIndex("reminders_user_id_local_date_idx").on(t.userId, t.localDate),
    // A stalled step is reminded once per idle stretch, not once a day.
    uniqueIndex("reminders_stalled_episode_idx")
      .on(t.userId, t.journeyId, t.stepNumber, t.stalledSince)
      .where(sql`${t.kind} = 'stalled_step'`),
    index("reminders_status_due_at_idx").on(t.status, t.dueAt),
    index("reminders_journey_id_idx").on(t.journeyId),
    uniqueIndex("reminders_stop_token_hash_idx").on(t.stopTokenHash),
  ],
);

/**
 * A person's private calendar feed. Only the SHA-256 of its token is kept; revoking deletes
 * the row and regenerating replaces the hash, so an old address stops working at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: ownerId().primaryKey(),
    tokenHash: text().notNull(),
    lastFetchedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_hash_idx").on(t.tokenHash)],
);

export type ReminderSettings = typeof reminderSettings.$inferSelect;
export type NewReminderSettings = typeof reminderSettings.$inferInsert;
export type Reminder = typeof reminders.$inferSelect;
export type NewReminder = typeof reminders.$inferInsert;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
