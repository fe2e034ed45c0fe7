import { sql } from "drizzle-orm";
import { check, date, pgTable, primaryKey, smallint, timestamp } from "drizzle-orm/pg-core";
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
