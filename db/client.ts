import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDatabase } from "./migrate";
import { lockPgliteDir } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type services see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The `postgres` client underneath, for the few things that bypass Drizzle (rate limits). */
  sql?: postgres.Sql;
  close(): Promise<void>;
}

export function pgliteDatabase(client: PGlite, onClose?: () => void): Database {
  return {
    db: drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db,
    kind: "pglite",
    async close() {
      await client.close();
      onClose?.();
    },
  };
}

/**
 * Sends every statement as a prepared one. Drizzle asks postgres.js to prepare only the
 * queries given a name; unprepared, PostgreSQL parses and plans each query on every call.
 * Prepared, each shape is planned once per connection and reused. Transactions get a
 * client of their own, wrapped the same way.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
      }
      if (prop === "begin") {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const work = args[last] as (tx: postgres.TransactionSql) => unknown;
          args[last] = (tx: postgres.TransactionSql) =>
            work(preparing(tx as unknown as postgres.Sql) as unknown as postgres.TransactionSql);
          return (target.begin as (...a: unknown[]) => unknown)(...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function postgresDatabase(url: string, max: number): Database {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: "rekindle" },
    // The driver's own back-off after failed connections grows to 20 s; capped at one
    // second, the app is back within a second of the database, not up to 20 s later.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
  return {
    db: drizzlePostgres({ client: preparing(sql), schema, casing: "snake_case" }) as unknown as Db,
    kind: "postgres",
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * Opens PGlite in a directory this process then holds alone, and brings its schema up to
 * date. Throws PgliteLockedError when another live process holds the directory.
 */
export async function openPglite(dir: string): Promise<Database> {
  const release = lockPgliteDir(dir);
  try {
    const client = await PGlite.create({
      dataDir: dir,
      // One person's data fits many times over in 16 MB of buffers; PostgreSQL's default
      // 128 MB would be reserved in this process's memory for nothing (about 100 MB more).
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
    });
    const database = pgliteDatabase(client, release);
    await migrateDatabase(database);
    return database;
  } catch (e) {
    release();
    throw e;
  }
}
