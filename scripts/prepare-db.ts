/**
 * Runs before `next dev` and `next start`, in its own process: creates and migrates the
 * embedded database (creating it inside the server left the server at about twice the
 * memory), or migrates PostgreSQL when MIGRATE_ON_START asks for it.
 */
import { openPglite } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { env } from "../server/env";

async function main() {
  const e = env();
  if (!e.DATABASE_URL) {
    const started = Date.now();
    const database = await openPglite(e.PGLITE_DATA_DIR);
    await database.close();
    console.log(`Embedded database ready at ${e.PGLITE_DATA_DIR} (${Date.now() - started} ms).`);
    return;
  }
  if (e.MIGRATE_ON_START) {
    const { postgresDatabase } = await import("../db/client");
    const database = postgresDatabase(e.DATABASE_URL, 1);
    try {
      await migrateDatabase(database, e.DATABASE_URL);
    } finally {
      await database.close();
    }
    console.log("PostgreSQL migrations are current.");
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
