import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** The owner of a row. Every owned table has it, so every query can filter by it. */
export const ownerId = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Bumped on every edit; saving from an older version is a conflict, never an overwrite. */
export const version = () => integer().notNull().default(1);

/** Chosen by the client when a form opens: a retried or double-tapped create makes one row. */
export const idempotencyKey = () => uuid().notNull();
