import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { openPglite } from "@/db/client";
import { PgliteLockedError } from "@/db/pglite-lock";
import { users } from "@/db/schema";
import { testDbKind } from "../helpers/db";

const drizzleKit = path.resolve("node_modules/drizzle-kit/bin.cjs");

/** `npm run db:studio` as its script runs it, on the embedded database in `dir`. */
function studio(dir: string, port: number): { child: ChildProcess; output: () => string } {
  const { DATABASE_URL: _unused, ...rest } = process.env;
  const child = spawn(
    process.execPath,
    [drizzleKit, "studio", "--config", "scripts/db/studio.config.ts", "--port", String(port)],
    { env: { ...rest, PGLITE_DATA_DIR: dir }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, output: () => output };
}

function until(check: () => boolean, child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`studio exited before ${what}`));
      }
    }, 100);
  });
}

async function migratedDir(name: string): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), `rekindle-${name}-`));
  onTestFinished(() => rm(parent, { recursive: true, force: true }));
  const dir = path.join(parent, "pglite");
  const client = await PGlite.create({
    dataDir: dir,
    loadDataDir: new Blob([await readFile(inject("pgliteSnapshotPath"))]),
  });
  await client.close();
  return dir;
}

// Skipped on PostgreSQL: Drizzle Studio's lock matters only on the embedded database.
describe.skipIf(testDbKind() !== "pglite")("db:studio on the embedded database", () => {
  it("holds the folder while it runs, so the server cannot open it too", {
    timeout: 120_000,
  }, async () => {
    const dir = await migratedDir("studio");
    const before = await openPglite(dir);
    await before.db
      .insert(users)
      .values({ email: "kept@example.com", displayName: "Kept", passwordHash: "not a hash" });
    await before.close();
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const { child, output } = studio(dir, port);
    await until(() => output().includes("up and running"), child, "it was up");

    const lock = JSON.parse(await readFile(`${dir}.lock`, "utf8"));
    expect(lock.pid).toBe(child.pid);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(PgliteLockedError);
    const init = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "init" }),
    });
    expect(await init.json()).toMatchObject({ driver: "pglite" });

    // Once Studio is gone, the server opens the folder again and finds its tables.
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGINT");
    });
    const database = await openPglite(dir);
    try {
      const rows = await database.db.select({ email: users.email }).from(users);
      expect(rows).toEqual([{ email: "kept@example.com" }]);
    } finally {
      await database.close();
    }
  });

  it("says plainly that the server has the folder, and opens nothing", {
    timeout: 60_000,
  }, async () => {
    const dir = await migratedDir("studio-held");
    // The test runner's own parent process stands in for a running server.
    await writeFile(`${dir}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    const { child, output } = studio(dir, 20_000 + Math.floor(Math.random() * 10_000));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(output()).toContain("Drizzle Studio cannot open the embedded database");
    expect(output()).not.toContain("up and running");
  });
});
