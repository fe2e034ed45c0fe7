/** Opens whichever database the settings name, as the server would, for the db: scripts. */
import { type Database, openPglite, postgresDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Env } from "@/server/env";

/**
 * PostgreSQL is brought up to date first (under the same advisory lock the servers take);
 * the embedded database migrates itself and is refused while another process holds it.
 */
export async function openDatabase(
  e: Pick<Env, "DATABASE_URL" | "PGLITE_DATA_DIR">,
): Promise<Database> {
  if (!e.DATABASE_URL) return openPglite(e.PGLITE_DATA_DIR);
  const database = postgresDatabase(e.DATABASE_URL, 2);
  try {
    await migrateDatabase(database, e.DATABASE_URL);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
