import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { openPglite } from "@/db/client";
import { PgliteLockedError } from "@/db/pglite-lock";
import { testDbKind } from "../helpers/db";

const fixture = path.resolve("tests/helpers/hold-pglite.ts");

/** Starts another Node process that opens the embedded database in `dir` and holds it. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the holder exited (${code}): ${stderr}`)));
  });
  return child;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

// Skipped on PostgreSQL: the directory lock belongs to the embedded database alone.
describe.skipIf(testDbKind() !== "pglite")("the embedded database directory", () => {
  // Two processes each load the embedded database: on a busy machine that is slow, not wrong.
  it("cannot be opened by a second process, and is taken over once the holder has died", {
    timeout: 90_000,
  }, async () => {
    const parent = await mkdtemp(path.join(tmpdir(), "rekindle-lock-"));
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    const dir = path.join(parent, "pglite");
    const lockFile = `${dir}.lock`;
    // Start from the migrated snapshot: a fresh initdb would add seconds to each open.
    const seed = await PGlite.create({
      dataDir: dir,
      loadDataDir: new Blob([await readFile(inject("pgliteSnapshotPath"))]),
    });
    await seed.close();

    const holder = await holdInAnotherProcess(dir);
    const refused = await openPglite(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(PgliteLockedError);
    expect((refused as Error).message).toContain(
      `already open in another process (pid ${holder.pid})`,
    );

    // A crash leaves the lock file behind; its pid no longer runs, so the next open takes over.
    await killHard(holder);
    expect(existsSync(lockFile)).toBe(true);
    const database = await openPglite(dir);
    try {
      await database.db.execute(sql`select 1`);
      expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: process.pid });
    } finally {
      await database.close();
    }
    expect(existsSync(lockFile)).toBe(false);
  });
});
