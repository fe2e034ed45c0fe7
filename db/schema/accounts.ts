import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** The week's first day: "auto" follows the language the person's browser asks for. */
export const weekStart = pgEnum("week_start", ["auto", "monday", "sunday", "saturday"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored trimmed and lower-cased, so one address means one account. */
    email: text().notNull(),
    displayName: text().notNull(),
    /** argon2id in PHC format. */
    passwordHash: text().notNull(),
    /** An IANA zone name; days, streaks and reminders count in it. */
    timeZone: text().notNull().default("UTC"),
    /**
     * Discreet mode: a neutral title and name, the ex's name hidden everywhere, and no
     * telling words in notifications, e-mail subjects or the calendar feed.
     */
    discreet: boolean().notNull().default(false),
    /** Where weeks begin in the calendar, the weekly charts and anything counted by week. */
    weekStart: weekStart().notNull().default("auto"),
    /**
     * Hides the "who reaches out" score wherever it shows, for a person whom counting who
     * texted first keeps circling. Shown until the person chooses otherwise.
     */
    hideInitiative: boolean().notNull().default(false),
    /** Bumped on every profile edit, so two devices never silently overwrite each other. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email)],
);

/**
 * One row per signed-in device. The cookie carries a random id; only its SHA-256 is kept
 * here, so a copy of this table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text().primaryKey(),
    /**
     * What the settings page names a session by when listing or ending it: unrelated to
     * the cookie's id, so showing it gives nothing away.
     */
    id: uuid().notNull().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The absolute end of the session, whatever the activity. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text().notNull().default(""),
  },
  (t) => [
    uniqueIndex("sessions_id_idx").on(t.id),
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_expires_at_idx").on(t.expiresAt),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
