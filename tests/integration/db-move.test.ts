import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openPglite, postgresDatabase } from "@/db/client";
import { PgliteLockedError } from "@/db/pglite-lock";
import type { Dashboard } from "@/lib/schemas/dashboard";
import { inbox } from "@/server/services/buddies";
import { getDashboard } from "@/server/services/dashboard";
import { backupPglite, RestoreRefusedError, restorePglite } from "../../scripts/db/backup";
import { MoveRefusedError, moveToPostgres } from "../../scripts/db/move";
import { seedDemo } from "../../scripts/db/seed";
import { testDbKind } from "../helpers/db";
import {
  createDatabase,
  dropDatabase,
  runPrefix,
  urlForDatabase,
  withAdmin,
} from "../helpers/postgres";

// Wednesday 15 July 2026, noon in Berlin.
const NOW = new Date("2026-07-15T10:00:00Z");
const BERLIN = "Europe/Berlin";

/** What the demo person sees: the dashboard and the buddy inbox. */
async function whatTheySee(database: Database, userId: string) {
  const actor = { userId };
  const dashboard: Dashboard = await getDashboard(database.db, actor, {
    timeZone: BERLIN,
    now: NOW,
  });
  return { dashboard, inbox: await inbox(database.db, actor) };
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Every row of every public table as PostgreSQL prints it, table by table, in a stable order. */
async function everyRow(query: Query) {
  const tables = await query(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const all: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await query(
      `select coalesce(string_agg(t::text, E'\\n' order by t::text), '') as rows from "${name}" t`,
    );
    all[String(name)] = row?.rows;
  }
  return all;
}

let parent = "";
let source = "";
let userId = "";
let before: Awaited<ReturnType<typeof whatTheySee>>;
let sourceRows: Record<string, unknown> = {};

// Skipped on PostgreSQL: these commands start from the embedded database, so PGlite runs them.
describe.skipIf(testDbKind() !== "pglite")("moving and backing up the embedded database", () => {
  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "rekindle-move-"));
    source = path.join(parent, "pglite");
    // Start from the migrated snapshot: a fresh initdb would add seconds.
    const snapshot = await PGlite.create({
      dataDir: source,
      loadDataDir: new Blob([await readFile(inject("pgliteSnapshotPath"))]),
    });
    await snapshot.close();
    const database = await openPglite(source);
    try {
      userId = (await seedDemo(database.db, { now: NOW, timeZone: BERLIN })).userId;
      before = await whatTheySee(database, userId);
      const client = (database.db as unknown as { $client: PGlite }).$client;
      await client.exec("set timezone = 'UTC'");
      sourceRows = await everyRow(
        async (text) => (await client.query<Record<string, unknown>>(text)).rows,
      );
    } finally {
      await database.close();
    }
  }, 180_000);

  afterAll(() => rm(parent, { recursive: true, force: true }));

  it("restores a backup into a new directory that shows the same dashboard", {
    timeout: 180_000,
  }, async () => {
    const file = path.join(parent, "backup.tar.gz");
    await backupPglite(source, file);
    expect(existsSync(`${source}.lock`)).toBe(false);

    const restored = path.join(parent, "restored");
    const result = await restorePglite(file, restored);
    expect(result).toEqual({ users: 1, keptAt: null });
    const database = await openPglite(restored);
    try {
      expect(await whatTheySee(database, userId)).toEqual(before);
    } finally {
      await database.close();
    }

    // A directory with data is replaced only when asked, and kept aside then.
    await expect(restorePglite(file, restored)).rejects.toBeInstanceOf(RestoreRefusedError);
    const forced = await restorePglite(file, restored, { force: true, now: NOW });
    expect(forced.keptAt).toBe(`${restored}.before-restore-2026-07-15T10-00-00`);
    expect(existsSync(path.join(forced.keptAt ?? "", "PG_VERSION"))).toBe(true);
  });

  it("refuses to restore while another process holds the directory", {
    timeout: 60_000,
  }, async () => {
    const file = path.join(parent, "held.tar.gz");
    await writeFile(file, "not used: the lock is checked first");
    const held = path.join(parent, "held");
    // The test runner's own parent process stands in for a running server.
    await writeFile(`${held}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(restorePglite(file, held, { force: true })).rejects.toBeInstanceOf(
      PgliteLockedError,
    );
    expect(existsSync(held)).toBe(false);
  });

  it("leaves a directory as it was when the backup file is not one", {
    timeout: 60_000,
  }, async () => {
    const file = path.join(parent, "broken.tar.gz");
    await writeFile(file, "this is not a tarball");
    const target = path.join(parent, "untouched");
    await expect(restorePglite(file, target)).rejects.toThrow(/could not be restored/);
    expect(existsSync(target)).toBe(false);
  });

  // Skipped without TEST_DATABASE_URL: moving needs a PostgreSQL server to move into.
  describe.skipIf(!process.env.TEST_DATABASE_URL)("db:move", () => {
    const name = `${runPrefix()}move`;
    afterAll(() => withAdmin((admin) => dropDatabase(admin, name)));

    it("copies every row into an empty database, which then shows the same dashboard", {
      timeout: 180_000,
    }, async () => {
      await withAdmin((admin) => createDatabase(admin, name));
      const url = urlForDatabase(name);
      const database = await openPglite(source);
      let counts: Awaited<ReturnType<typeof moveToPostgres>>;
      try {
        const client = (database.db as unknown as { $client: PGlite }).$client;
        counts = await moveToPostgres(client, url);
        // A second move into the same database is refused and changes nothing.
        await expect(moveToPostgres(client, url)).rejects.toBeInstanceOf(MoveRefusedError);
      } finally {
        await database.close();
      }
      expect(counts.every((c) => c.source === c.target)).toBe(true);
      expect(counts.find((c) => c.table === "check_ins")?.target).toBe(21);
      // Parents come before the tables that point at them.
      const order = counts.map((c) => c.table);
      expect(order.indexOf("users")).toBeLessThan(order.indexOf("journeys"));
      expect(order.indexOf("journeys")).toBeLessThan(order.indexOf("step_progress"));
      expect(order.indexOf("buddy_links")).toBeLessThan(order.indexOf("encouragements"));

      const moved = postgresDatabase(url, 2);
      try {
        expect(await whatTheySee(moved, userId)).toEqual(before);
      } finally {
        await moved.close();
      }
      // Every value arrives exactly, microseconds included.
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql`set timezone = 'UTC'`;
        expect(await everyRow((text) => sql.unsafe(text))).toEqual(sourceRows);
      } finally {
        await sql.end({ timeout: 5 });
      }
    });
  });
});
