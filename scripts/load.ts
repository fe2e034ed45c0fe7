/**
 * The load check: 200 clients for 60 seconds of mixed reads and writes against one
 * production instance on PostgreSQL, then a count of what was saved. It passes only with
 * zero errors and zero lost writes. A report, not a test: `npm run load` (after `npm run
 * build`); it never runs in `npm test`.
 *
 *   LOAD_DATABASE_URL  the server to use (default postgres://postgres@127.0.0.1:5432/postgres);
 *                      a database named rekindle_load is made afresh on it
 *   --connections N    (default 200)   --seconds N (default 60)
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import superjson from "superjson";
import { postgresDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { users } from "../db/schema";
import { hashPassword } from "../server/auth/password";
import { createSession } from "../server/auth/sessions";
import { numberFlag, sessionCookie, startServer } from "./bench/shared";

const CONNECTIONS = numberFlag("connections", 200);
const SECONDS = numberFlag("seconds", 60);
const USERS = 200;
const PORT = 3300;
const ORIGIN = `http://localhost:${PORT}`;
const SECRET = "load-check-secret-that-is-long-enough-for-production";
const adminUrl = process.env.LOAD_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = "/rekindle_load";
  return u.toString();
})();

async function freshDatabase() {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`drop database if exists rekindle_load with (force)`;
  await admin`create database rekindle_load`;
  await admin.end();
  const database = postgresDatabase(url, 4);
  await migrateDatabase(database, url);
  return database;
}

/** People with a session each; one hash for all of them, since hashing is not measured. */
async function seed(database: Awaited<ReturnType<typeof freshDatabase>>) {
  const passwordHash = await hashPassword("load check password 1");
  const rows = await database.db
    .insert(users)
    .values(
      Array.from({ length: USERS }, (_, i) => ({
        email: `load-${i}@example.com`,
        displayName: `Load ${i}`,
        passwordHash,
      })),
    )
    .returning({ id: users.id });
  const cookies: string[] = [];
  for (const { id } of rows) {
    const sid = await createSession(database.db, id, { userAgent: "load" });
    cookies.push(await sessionCookie(sid, SECRET));
  }
  return cookies;
}

/** What autocannon keeps per connection: its person, and the key of the write in flight. */
interface PerConnection {
  cookie?: string;
  key?: string | null;
}

async function main() {
  if (!existsSync(".next/BUILD_ID") || !existsSync("dist/serve.js"))
    throw new Error("Run `npm run build` first.");
  const database = await freshDatabase();
  const cookies = await seed(database);
  const server = await startServer({
    cwd: process.cwd(),
    script: "dist/serve.js",
    port: PORT,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_SECRET: SECRET,
      LOG_LEVEL: "warn",
      // The load test sends no mail; production refuses to start without saying so.
      MAIL_OFF: "true",
    },
  });
  const statuses = new Map<number, number>();
  const saved = new Set<string>();
  let next = 0;

  try {
    const result = await autocannon({
      url: ORIGIN,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 30,
      requests: [
        {
          setupRequest: (req, raw) => {
            const context = raw as PerConnection;
            // Each connection is one person; seven reads for every three writes.
            context.cookie ??= cookies[next++ % cookies.length];
            const headers = { cookie: context.cookie ?? "" };
            if (Math.random() < 0.7) {
              context.key = null;
              return { ...req, method: "GET", path: "/api/trpc/dashboard.get", headers };
            }
            const key = randomUUID();
            context.key = key;
            return {
              ...req,
              method: "POST",
              path: "/api/trpc/journal.create",
              headers: {
                ...headers,
                "content-type": "application/json",
                origin: ORIGIN,
                "sec-fetch-site": "same-origin",
              },
              body: JSON.stringify(
                superjson.serialize({ idempotencyKey: key, mood: 4, body: `load ${key}` }),
              ),
            };
          },
          onResponse: (status, _body, raw) => {
            const context = raw as PerConnection;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status === 200 && typeof context.key === "string") saved.add(context.key);
          },
        },
      ],
    });

    const rows = await database.db.execute<{ body: string }>(
      "select body from journal_entries where body like 'load %'",
    );
    const stored = new Set(
      [...(rows as unknown as { body: string }[])].map((r) => r.body.slice(5)),
    );
    const lost = [...saved].filter((key) => !stored.has(key)).length;
    const errors =
      result.errors +
      result.timeouts +
      [...statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);

    console.log(`\nLoad check: ${CONNECTIONS} clients for ${SECONDS} s on PostgreSQL`);
    console.log(
      `  requests      ${result.requests.total} (${Math.round(result.requests.average)}/s)`,
    );
    console.log(`  latency       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
    console.log(`  statuses      ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(
      `  errors        ${errors} (socket errors ${result.errors}, timeouts ${result.timeouts})`,
    );
    console.log(`  writes saved  ${saved.size}, stored ${stored.size}, lost ${lost}`);
    if (errors > 0 || lost > 0 || saved.size === 0) {
      console.log("FAIL");
      process.exitCode = 1;
    } else {
      console.log("PASS: zero errors, zero lost writes");
    }
  } finally {
    await server.stop();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
