import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, postgresDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { journalEntries } from "@/db/schema";
import { buddyPage, encourage as encourageDoor } from "@/server/http/doors/buddy";
import { calendarFeed } from "@/server/http/doors/calendar";
import { exportData } from "@/server/http/doors/export";
import { pointEdgeAtDatabase as serveDoorsFrom, TRY_AGAIN } from "@/server/http/edge";
import { mutationRequest, send } from "../helpers/http";
import { createUser, sessionCookie, signIn } from "../helpers/users";

/**
 * A PostgreSQL of the test's own (initdb in a temporary directory, its own port), stopped
 * hard while writes are in flight and started again: nothing answered as saved is lost,
 * nothing is saved twice, the gap is answered "try again" (503), and the app recovers on
 * its own within 5 seconds. Runs with the PostgreSQL suites; needs PostgreSQL's server
 * programs, and says so when a machine lacks them.
 */
const binDir = (() => {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  const dir = version ? path.join(root, version, "bin") : null;
  return dir && existsSync(path.join(dir, "initdb")) ? dir : null;
})();
const onPostgres = process.env.TEST_DB === "postgres";
if (onPostgres && !binDir) {
  console.warn("lost-database test skipped: no PostgreSQL server programs on this machine");
}

/** initdb and postgres refuse to run as root; run them as the postgres user then. */
function pg(program: string, args: string[]) {
  const bin = path.join(binDir ?? "", program);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(
    asRoot ? "runuser" : bin,
    asRoot ? ["-u", "postgres", "--", bin, ...args] : args,
    {
      stdio: "pipe",
      timeout: 60_000,
    },
  );
}

// Stopping a server mid-write needs PostgreSQL's own programs; CI has them (warned above).
// Skipped on PGlite, which has no server to stop, and where pg_ctl is not installed.
describe.runIf(onPostgres && binDir)("losing the database mid-write", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rekindle-lost-db-"));
  const data = path.join(dir, "data");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const start = () =>
    pg("pg_ctl", [
      "start",
      "-w",
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]);
  const stop = () => pg("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", data]);
  let app: Database;

  beforeAll(async () => {
    chmodSync(dir, 0o777);
    pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    start();
    const setup = postgresDatabase(url, 1);
    await migrateDatabase(setup, url);
    await setup.close();
    app = postgresDatabase(url, 8);
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => {});
    try {
      stop();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The doors outside tRPC while the server is down: the buddy page (whose lookup limit,
   * on PostgreSQL, lives in the database too), its form post, the feed and the export all
   * answer 503, none 500.
   */
  async function everyDoorWhileAway(cookie: string) {
    serveDoorsFrom(async () => app.db);
    const token = randomBytes(32).toString("base64url");
    const page = await buddyPage({ token, headers: { cookie } });
    const encourage = await encourageDoor(
      new Request(`http://localhost:3000/b/${token}/encourage`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin" },
        body: new URLSearchParams({ message: "hi" }),
      }),
      { params: Promise.resolve({ token }) },
    );
    const calendar = await calendarFeed(new Request(`http://localhost:3000/cal/${token}.ics`), {
      params: Promise.resolve({ token: `${token}.ics` }),
    });
    const exported = await exportData(
      new Request("http://localhost:3000/api/export", { headers: { cookie } }),
    );
    return {
      page: page.status,
      encourage: encourage.status,
      calendar: calendar.status,
      export: exported.status,
    };
  }

  it("keeps every saved write, saves none twice, answers 503 in the gap, and recovers", async () => {
    const workers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const user = await createUser(app.db);
        return { cookie: await sessionCookie(await signIn(app.db, user.userId)) };
      }),
    );
    const saved = new Set<string>();
    const statuses = new Map<number, number>();
    const unavailableMessages = new Set<string>();
    let running = true;
    let databaseBackAt = 0;
    let firstSaveAfterBack = 0;

    /** One phone saving entries one after another, retrying a failed save as the app does. */
    async function write(cookie: string) {
      while (running) {
        const input = {
          idempotencyKey: randomUUID(),
          mood: 3,
          body: `entry ${randomUUID()}`,
          sharedWithBuddies: false,
        };
        for (;;) {
          const res = await send(mutationRequest("journal.create", input, { cookie }), app.db);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) {
            saved.add(input.idempotencyKey);
            if (databaseBackAt && !firstSaveAfterBack) firstSaveAfterBack = Date.now();
            break;
          }
          expect(res.status, res.text).toBe(503);
          unavailableMessages.add(res.error?.message ?? "");
          if (!running) return;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }

    const writing = Promise.all(workers.map((w) => write(w.cookie)));
    await new Promise((r) => setTimeout(r, 1_000));
    const beforeStop = saved.size;
    stop();
    await new Promise((r) => setTimeout(r, 300));
    const doorsInTheGap = await everyDoorWhileAway(workers[0]?.cookie ?? "");
    await new Promise((r) => setTimeout(r, 1_200));
    start();
    databaseBackAt = Date.now();
    while (!firstSaveAfterBack && Date.now() - databaseBackAt < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await writing;

    expect(beforeStop).toBeGreaterThan(0);
    expect(statuses.get(503) ?? 0, "requests in the gap were answered 503").toBeGreaterThan(0);
    expect([...unavailableMessages]).toEqual([TRY_AGAIN]);
    expect(doorsInTheGap).toEqual({ page: 503, encourage: 503, calendar: 503, export: 503 });
    expect(firstSaveAfterBack, "a save succeeded after the database came back").toBeGreaterThan(0);
    expect(firstSaveAfterBack - databaseBackAt).toBeLessThan(5_000);

    // Read back on a fresh connection: every save answered 200 is there, exactly once, and
    // nothing else is (a retried save reused its key, so it could not land twice).
    const check = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const rows = await check<{ key: string }[]>`
        select idempotency_key::text as key from journal_entries`;
      const keys = rows.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual([...saved].sort());
    } finally {
      await check.end({ timeout: 5 });
    }
    const present = await app.db
      .select({ key: journalEntries.idempotencyKey })
      .from(journalEntries)
      .where(inArray(journalEntries.idempotencyKey, [...saved]));
    expect(present).toHaveLength(saved.size);
  }, 60_000);
});
