import "#server-only";
import type { Database, Db } from "@/db/client";
import { openPglite, postgresDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env, isBuildPhase } from "./env";

/**
 * The process's one database, chosen by the settings: db/ itself reads no settings, so this
 * is where they are passed in.
 */
const globalForDb = globalThis as unknown as { rekindleDb?: Promise<Database> };

/**
 * The process's database, opened on first use and kept on `globalThis` so that dev
 * reloads reuse it. Never opened at import time, and never during `next build`.
 */
export function getDatabase(): Promise<Database> {
  if (isBuildPhase()) {
    throw new Error("The database is not available during `next build`; render at request time.");
  }
  if (!globalForDb.rekindleDb) {
    const e = env();
    const opening = (async () => {
      if (!e.DATABASE_URL) return openPglite(e.PGLITE_DATA_DIR);
      const database = postgresDatabase(e.DATABASE_URL, e.DATABASE_POOL_MAX);
      if (e.MIGRATE_ON_START) await migrateDatabase(database, e.DATABASE_URL);
      return database;
    })();
    // A failed open (database down) is retried on the next request, not cached forever.
    opening.catch(() => {
      if (globalForDb.rekindleDb === opening) globalForDb.rekindleDb = undefined;
    });
    globalForDb.rekindleDb = opening;
  }
  return globalForDb.rekindleDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
