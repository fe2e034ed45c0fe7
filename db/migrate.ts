import { readFileSync } from "node:fs";
import path from "node:path";
import { max } from "drizzle-orm";
import { bigint, pgSchema } from "drizzle-orm/pg-core";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database, Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** An arbitrary constant: every Rekindle instance takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_315_220_411;

/**
 * Applies pending migrations. On PostgreSQL they run on one dedicated connection under
 * `pg_advisory_lock`, so instances starting together apply each migration exactly once.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error("migrateDatabase needs the PostgreSQL URL");
  const conn = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle({ client: conn }), { migrationsFolder });
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await conn.end({ timeout: 5 });
  }
}

/** Drizzle's own record of applied migrations (not part of Rekindle's schema). */
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  createdAt: bigint("created_at", { mode: "number" }),
});

interface Journal {
  entries: { when: number; tag: string }[];
}

/** Compares the newest applied migration with the newest one shipped in db/migrations. */
export async function migrationStatus(db: Db): Promise<"current" | "behind" | "ahead"> {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as Journal;
  const newest = journal.entries.at(-1)?.when ?? 0;
  let applied = 0;
  try {
    const [row] = await db
      .select({ newest: max(appliedMigrations.createdAt) })
      .from(appliedMigrations);
    applied = Number(row?.newest ?? 0);
  } catch {
    return "behind"; // no migrations table yet
  }
  if (applied === newest) return "current";
  return applied < newest ? "behind" : "ahead";
}
