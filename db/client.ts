import { PGlite, type Transaction } from "@electric-sql/pglite";
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

/**
 * Runs one statement inside a trace span, given its text only (Drizzle sends every value as
 * a parameter, and parameters never reach the tracer).
 */
export type StatementTracer = <T>(statement: string, run: () => Promise<T>) => Promise<T>;

/**
 * Kept on globalThis, not in this module: Next.js bundles this module once per entry
 * (instrumentation, routes, pages), and the one that turns tracing on is not the one querying.
 */
const STATEMENT_TRACER = Symbol.for("rekindle.statement-tracer");
const hooks = globalThis as { [STATEMENT_TRACER]?: StatementTracer };

/** Turns statement tracing on (server/telemetry-sdk.ts) or off (undefined). */
export function traceStatements(tracer: StatementTracer | undefined): void {
  hooks[STATEMENT_TRACER] = tracer;
}

/**
 * Traces a postgres.js query when it runs. Its query is a lazy promise, sent on the first
 * `then`, and `.values()` returns the same object, so wrapping `then` times the real round trip.
 */
function traced<Q extends PromiseLike<unknown>>(query: Q, statement: string): Q {
  const tracer = hooks[STATEMENT_TRACER];
  if (!tracer) return query;
  const then = query.then.bind(query);
  let running: Promise<unknown> | undefined;
  // biome-ignore lint/suspicious/noThenProperty: the query is a promise already; this keeps it one
  Object.defineProperty(query, "then", {
    value: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => {
      running ??= tracer(statement, () => new Promise((resolve, reject) => then(resolve, reject)));
      return running.then(ok, fail);
    },
  });
  return query;
}

/** PGlite's `query`, on the client and inside transactions, traced when tracing is on. */
function tracingPglite<C extends PGlite | Transaction>(client: C): C {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === "query") {
        return (statement: string, ...rest: unknown[]) => {
          const run = () =>
            (value as (...a: unknown[]) => Promise<unknown>).call(target, statement, ...rest);
          const tracer = hooks[STATEMENT_TRACER];
          return tracer ? tracer(statement, run) : run();
        };
      }
      if (prop === "transaction") {
        return (work: (tx: Transaction) => Promise<unknown>) =>
          (target as PGlite).transaction((tx) => work(tracingPglite(tx)));
      }
      // Bound to the client itself: PGlite keeps private fields a proxy cannot reach.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function pgliteDatabase(client: PGlite, onClose?: () => void): Database {
  return {
    db: drizzlePglite({
      client: tracingPglite(client),
      schema,
      casing: "snake_case",
    }) as unknown as Db,
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
          traced(
            target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
              ...options,
              prepare: true,
            }),
            query,
          );
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
    // The app sends and reads no arrays, so no connection needs to ask PostgreSQL for its
    // array types first (a statement on every new connection, seen in the page counts).
    fetch_types: false,
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
