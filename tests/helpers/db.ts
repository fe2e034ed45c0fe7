import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { pgSchema, text } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { beforeAll, beforeEach, inject } from "vitest";
import { type Database, type Db, pgliteDatabase, postgresDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { type Limits, PROCESS_LIMITS } from "@/server/limits";
import { createDatabase, urlForDatabase, withAdmin } from "./postgres";
import "./provided";

export type TestDbKind = "pglite" | "postgres";

/** Which database this project runs on; set per project in vitest.config.ts. */
export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB;
  if (kind === "pglite" || kind === "postgres") return kind;
  throw new Error(
    "TEST_DB is not set: database helpers are for tests/integration, run by an integration project.",
  );
}

/** The catalog view listing tables; read through Drizzle so both drivers answer alike. */
const pgTables = pgSchema("pg_catalog").table("pg_tables", {
  schemaname: text().notNull(),
  tablename: text().notNull(),
});

interface WorkerDatabase {
  database: Database;
  truncate(): Promise<void>;
}

async function openPgliteFromSnapshot(): Promise<Database> {
  const tarball = await readFile(inject("pgliteSnapshotPath"));
  const client = await PGlite.create({ loadDataDir: new Blob([tarball]) });
  return pgliteDatabase(client);
}

/** The PostgreSQL database this worker's tests use: a second pool on it is a second app. */
export function workerPostgresUrl(): string {
  return urlForDatabase(`${inject("postgresRunPrefix")}w${process.env.VITEST_POOL_ID ?? "0"}`);
}

/** Each worker clones its own database from the template, so workers never collide. */
async function openPostgresClone(): Promise<Database> {
  const name = `${inject("postgresRunPrefix")}w${process.env.VITEST_POOL_ID ?? "0"}`;
  await withAdmin((admin) => createDatabase(admin, name, inject("postgresTemplate")));
  return postgresDatabase(workerPostgresUrl(), 4);
}

async function openWorkerDatabase(): Promise<WorkerDatabase> {
  const database =
    testDbKind() === "pglite" ? await openPgliteFromSnapshot() : await openPostgresClone();
  const tables = await database.db
    .select({ name: sql<string>`quote_ident(${pgTables.tablename})` })
    .from(pgTables)
    .where(eq(pgTables.schemaname, "public"));
  const names = tables.map((t) => t.name);
  if (names.length === 0) throw new Error("The test database has no tables: was it migrated?");
  // Drizzle's PGlite driver commits an outer transaction, so a rollback cannot undo a test;
  // emptying every table can.
  const truncate = sql.raw(`truncate table ${names.join(", ")} restart identity cascade`);
  return { database, truncate: async () => void (await database.db.execute(truncate)) };
}

// One database per worker, shared by every file the worker runs (the integration projects
// do not isolate files), and kept on globalThis so a second copy of this module reuses it.
const worker = globalThis as unknown as { rekindleTestDb?: Promise<WorkerDatabase> };

function workerDatabase(): Promise<WorkerDatabase> {
  worker.rekindleTestDb ??= openWorkerDatabase();
  return worker.rekindleTestDb;
}

/**
 * Rate-limit counters kept in the process's memory (the embedded database's store) outlive a
 * test the way rows would: a file that opens many buddy pages left the next file, run later in
 * the same worker within the minute, refused as "opened many times". Each test starts with
 * none, as it starts with empty tables.
 */
async function forgetCountsInMemory(): Promise<void> {
  const held = globalThis as { [PROCESS_LIMITS]?: Promise<Limits> };
  const current = await held[PROCESS_LIMITS]?.catch(() => null);
  if (current?.store.kind === "memory") held[PROCESS_LIMITS] = undefined;
}

export interface TestDb {
  /** The database for this project (PGlite or PostgreSQL), emptied before each test. */
  readonly db: Db;
  readonly kind: TestDbKind;
}

/**
 * Call once at the top of an integration test file. Opens (or reuses) the worker's
 * database before the file's tests and empties every table before each test.
 */
export function setupTestDb(): TestDb {
  let current: WorkerDatabase | undefined;
  const opened = () => {
    if (!current)
      throw new Error("setupTestDb(): the database opens in beforeAll; use it in a test.");
    return current;
  };
  beforeAll(async () => {
    current = await workerDatabase();
  });
  beforeEach(async () => {
    await opened().truncate();
    await forgetCountsInMemory();
  });
  return {
    get db() {
      return opened().database.db;
    },
    kind: testDbKind(),
  };
}

/**
 * A second Drizzle over the same connection as `db` that records every statement it sends,
 * for tests that hold a service to its statement budget. Built like db/client.ts builds
 * the app's, with a logger added.
 */
export function recordingDb(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (db as unknown as { $client: PGlite | postgres.Sql }).$client;
  const recording =
    client instanceof PGlite
      ? drizzlePglite({ client, schema, casing: "snake_case", logger })
      : drizzlePostgres({ client, schema, casing: "snake_case", logger });
  return { db: recording as unknown as Db, statements };
}
