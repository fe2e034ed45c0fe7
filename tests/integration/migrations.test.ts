import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { postgresDatabase } from "@/db/client";
import { migrateDatabase, migrationStatus, migrationsFolder } from "@/db/migrate";
import { setupTestDb } from "../helpers/db";
import { createDatabase, dropDatabase, urlForDatabase, withAdmin } from "../helpers/postgres";

const t = setupTestDb();

const journal = JSON.parse(
  readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
) as { entries: { tag: string; when: number }[] };

describe("migrations", () => {
  it("are reported current on a migrated database", async () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(await migrationStatus(t.db)).toBe("current");
  });

  // Skipped on PGlite: it lives inside one process, so only PostgreSQL has racing instances.
  it.runIf(t.kind === "postgres")(
    "apply exactly once when two instances start together on a fresh PostgreSQL",
    async () => {
      const name = `${inject("postgresRunPrefix")}migrate_${process.pid}`;
      await withAdmin((admin) => createDatabase(admin, name));
      onTestFinished(async () => {
        await withAdmin((admin) => dropDatabase(admin, name));
      });
      const url = urlForDatabase(name);
      const instances = [postgresDatabase(url, 1), postgresDatabase(url, 1)] as const;
      onTestFinished(() => Promise.all(instances.map((i) => i.close())).then(() => {}));

      expect(await migrationStatus(instances[0].db)).toBe("behind");
      await Promise.all(instances.map((instance) => migrateDatabase(instance, url)));

      const sql = postgres(url, { max: 1, onnotice: () => {} });
      onTestFinished(() => sql.end({ timeout: 5 }));
      const applied = await sql<{ created_at: string }[]>`
        select created_at from drizzle.__drizzle_migrations order by created_at`;
      expect(applied.map((row) => Number(row.created_at))).toEqual(
        journal.entries.map((entry) => entry.when),
      );
      for (const instance of instances) expect(await migrationStatus(instance.db)).toBe("current");

      // A third start finds nothing to do.
      await migrateDatabase(instances[0], url);
      const [{ count } = { count: -1 }] = await sql<{ count: number }[]>`
        select count(*)::int as count from drizzle.__drizzle_migrations`;
      expect(count).toBe(journal.entries.length);
    },
  );
});
