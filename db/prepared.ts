import type { Db } from "./client";

const byDatabase = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built once per database and sent again with new values. For the statements
 * every request sends (the session lookup, the dashboard's two), Drizzle's query building
 * cost more CPU than PostgreSQL took to answer them (measured with the bench's --cpu-prof).
 * Keyed by the database object, so each test database gets its own.
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
  let known = byDatabase.get(db);
  if (!known) {
    known = new Map();
    byDatabase.set(db, known);
  }
  let statement = known.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    known.set(key, statement);
  }
  return statement;
}
