import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, smallint, timestamp } from "drizzle-orm/pg-core";
import { createdAt, ownerId } from "./columns";

/** A one-tap "I showed up today", on the user's own calendar day. */
export const checkIns = pgTable(
  "check_ins",
  {
    userId: ownerId(),
    day: date({ mode: "string" }).notNull(),
    mood: smallint(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day] }),
    // The dashboard reads a person's days and moods from the index alone: their rows arrive
    // one a day among everyone's, so the table holds them on as many pages as days.
    index("check_ins_user_id_day_mood_idx").on(t.userId, t.day, t.mood),
    check("check_ins_mood_check", sql`${t.mood} is null or ${t.mood} between 1 and 5`),
  ],
);

/** A day the user chose to rest: it does not break the streak (at most 4 in 30 days). */
export const pauseDays = pgTable(
  "pause_days",
  {
    userId: ownerId(),
    day: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
