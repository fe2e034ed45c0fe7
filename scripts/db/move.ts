/**
 * `npm run db:move -- <postgres url>`: copies every table of the embedded database into an
 * empty PostgreSQL database, in one transaction, and commits only when every table's row
 * count matches. The embedded database is read, never changed.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
// Relative imports, not "@/": this script needs no tsconfig to resolve its modules.
import { postgresDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export class MoveRefusedError extends Error {
  override name = "MoveRefusedError";
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Table {
  name: string;
  columns: string[];
  rows: number;
}

/** The public tables of the embedded database with their columns, parents before children. */
async function sourceTables(source: PGlite): Promise<Table[]> {
  const { rows: names } = await source.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const { rows: edges } = await source.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace`,
  );
  // Kahn's sort, alphabetical among equals so every run copies in the same order.
  const waiting = new Map(names.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent) waiting.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([n]) => n);
    if (ready.length === 0) {
      throw new Error(
        `These tables refer to each other in a circle: ${[...waiting.keys()].join(", ")}.`,
      );
    }
    for (const name of ready.sort()) {
      ordered.push(name);
      waiting.delete(name);
      for (const parents of waiting.values()) parents.delete(name);
    }
  }
  const tables: Table[] = [];
  for (const name of ordered) {
    const { rows: columns } = await source.query<{ name: string }>(
      `select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
        order by ordinal_position`,
      [name],
    );
    const { rows: count } = await source.query<{ n: number }>(
      `select count(*)::int as n from ${quote(name)}`,
    );
    tables.push({ name, columns: columns.map((c) => c.name), rows: count[0]?.n ?? 0 });
  }
  return tables;
}

/** Rekindle's tables that already hold rows on the target: a move never mixes two histories. */
async function tablesWithRows(sql: postgres.Sql, names: string[]): Promise<string[]> {
  const existing = await sql<{ name: string }[]>`
    select tablename as name from pg_tables
     where schemaname = 'public' and tablename in ${sql(names)}`;
  const full: string[] = [];
  for (const { name } of existing) {
    const [row] = await sql.unsafe<{ any: boolean }[]>(
      `select exists (select 1 from ${quote(name)}) as any`,
    );
    if (row?.any) full.push(name);
  }
  return full;
}

/** Where a URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

/**
 * Copies every public table of `source` into the PostgreSQL database at `targetUrl`:
 * migrations first, then one transaction that locks the tables, checks they are still
 * empty, copies each table with COPY in foreign-key order, sets sequences, and compares
 * the row counts table by table. Any difference rolls everything back.
 */
export async function moveToPostgres(source: PGlite, targetUrl: string): Promise<TableCount[]> {
  const tables = await sourceTables(source);
  const names = tables.map((t) => t.name);
  const sql = postgres(targetUrl, { max: 1, onnotice: () => {} });
  try {
    const full = await tablesWithRows(sql, names);
    if (full.length > 0) {
      throw new MoveRefusedError(
        `${describeUrl(targetUrl)} already holds Rekindle data (${full.join(", ")}). ` +
          "db:move only fills an empty database: create a new one (createdb) and move into that.",
      );
    }
    const target = postgresDatabase(targetUrl, 1);
    try {
      await migrateDatabase(target, targetUrl);
    } finally {
      await target.close();
    }

    const { rows: sequences } = await source.query<{ name: string; last: string | null }>(
      "select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'",
    );

    return await sql.begin(async (tx) => {
      const present = await tx<{ name: string }[]>`
        select tablename as name from pg_tables
         where schemaname = 'public' and tablename in ${tx(names)}`;
      const here = new Set(present.map((p) => p.name));
      const missing = names.filter((n) => !here.has(n));
      if (missing.length > 0) {
        throw new MoveRefusedError(
          `${describeUrl(targetUrl)} has no table ${missing.join(", ")} after its migrations: ` +
            "is it running an older Rekindle's schema?",
        );
      }
      // Nobody writes to these tables until the copy commits or rolls back.
      await tx.unsafe(`lock table ${names.map(quote).join(", ")} in exclusive mode`);
      const lateFull = await tablesWithRows(tx as unknown as postgres.Sql, names);
      if (lateFull.length > 0) {
        throw new MoveRefusedError(
          `${describeUrl(targetUrl)} received data while the move was starting (${lateFull.join(", ")}); nothing was copied.`,
        );
      }

      const counts: TableCount[] = [];
      for (const table of tables) {
        const columns = table.columns.map(quote).join(", ");
        // COPY's text format carries every value exactly as PostgreSQL prints it
        // (microseconds, json, arrays), which a round trip through JavaScript would not.
        // Each table passes through memory whole: one person's or a small group's data.
        const copied = await source.query(`copy ${quote(table.name)} (${columns}) to '/dev/blob'`);
        const data = copied.blob ? Buffer.from(await copied.blob.arrayBuffer()) : Buffer.alloc(0);
        if (data.length > 0) {
          const writable = await tx
            .unsafe(`copy ${quote(table.name)} (${columns}) from stdin`)
            .writable();
          await pipeline(Readable.from([data]), writable);
        }
        const [row] = await tx.unsafe<{ n: number }[]>(
          `select count(*)::int as n from ${quote(table.name)}`,
        );
        counts.push({ table: table.name, source: table.rows, target: row?.n ?? 0 });
      }

      for (const sequence of sequences) {
        if (sequence.last === null) continue;
        await tx`select setval(${`public.${quote(sequence.name)}`}::regclass, ${sequence.last}::bigint, true)`;
      }

      const wrong = counts.filter((c) => c.source !== c.target);
      if (wrong.length > 0) {
        printCounts(counts);
        throw new Error(
          `Row counts differ for ${wrong.map((c) => c.table).join(", ")}; the move was rolled back and nothing was written.`,
        );
      }
      return counts;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function printCounts(counts: TableCount[]): void {
  const width = Math.max(...counts.map((c) => c.table.length), 5);
  console.log(`${"table".padEnd(width)}  embedded  postgres`);
  for (const c of counts) {
    const mark = c.source === c.target ? "" : "  <- differs";
    console.log(
      `${c.table.padEnd(width)}  ${String(c.source).padStart(8)}  ${String(c.target).padStart(8)}${mark}`,
    );
  }
}

async function main() {
  const targetUrl = process.argv[2];
  if (!targetUrl || !/^postgres(ql)?:\/\//.test(targetUrl)) {
    console.error("Usage: npm run db:move -- postgres://user:password@host:5432/database");
    console.error(
      "The database must exist and be empty; Rekindle's migrations are run there first.",
    );
    process.exit(2);
  }
  const { existsSync } = await import("node:fs");
  const { env } = await import("../../server/env");
  const { openPglite } = await import("../../db/client");
  const dir = env().PGLITE_DATA_DIR;
  if (!existsSync(dir)) {
    console.error(`There is no embedded database at ${dir} to move (PGLITE_DATA_DIR).`);
    process.exit(1);
  }
  const database = await openPglite(dir);
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const started = Date.now();
    const counts = await moveToPostgres(client, targetUrl);
    printCounts(counts);
    const rows = counts.reduce((sum, c) => sum + c.target, 0);
    console.log(
      `Moved ${rows} rows in ${counts.length} tables from ${dir} to ${describeUrl(targetUrl)} ` +
        `in ${Date.now() - started} ms; every count matched.`,
    );
    console.log(
      "Next: set DATABASE_URL to that address (and keep AUTH_SECRET as it is, so people stay " +
        `signed in). ${dir} is left as it was: keep it as a copy, or delete it once you are happy.`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
