/**
 * `npm run db:migrate`: applies pending migrations to the PostgreSQL server DATABASE_URL
 * names (from the environment or the .env files), under the same advisory lock as
 * MIGRATE_ON_START. The embedded database needs none of this: it migrates as it opens.
 */
import { postgresDatabase } from "../db/client";
import { migrateDatabase, migrationStatus } from "../db/migrate";
import { env } from "../server/env";

async function main() {
  const url = env().DATABASE_URL;
  if (!url) {
    console.log("DATABASE_URL is not set: the embedded database migrates itself when it opens.");
    return;
  }
  const database = postgresDatabase(url, 1);
  try {
    await migrateDatabase(database, url);
    console.log(`Migrations are current (${await migrationStatus(database.db)}).`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
