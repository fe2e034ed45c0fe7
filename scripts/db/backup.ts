/**
 * `npm run db:backup [file]` and `npm run db:restore <file> [--force]`: the embedded
 * database's data directory as one gzipped tarball (PGlite's own dumpDataDir), and back.
 * A backup opens only in the PGlite release line that wrote it (0.5 is PostgreSQL 18).
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
// Relative imports, not "@/": this script needs no tsconfig to resolve its modules.
import { lockPgliteDir } from "../../db/pglite-lock";

export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

/** Opens the directory as it is (no migrations: a backup records, it does not change). */
async function withDataDir<T>(dir: string, work: (client: PGlite) => Promise<T>): Promise<T> {
  const client = await PGlite.create({ dataDir: dir });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/**
 * PGlite's unpacking fails on other files with an error it does not hand back, so the file
 * is checked first: gzip's magic bytes, or tar's "ustar" mark.
 */
function isTarball(bytes: Buffer): boolean {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzip || bytes.subarray(257, 262).toString("latin1") === "ustar";
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** A name that sorts by time and says what it is: rekindle-2026-12-06T04-30-00.tar.gz. */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "-");
  return path.join(".data", "backups", `rekindle-${stamp}.tar.gz`);
}

/**
 * Writes a consistent copy of the embedded database at `dir` to `file`. The directory's
 * lock is held throughout, so no server writes while the copy is taken; a CHECKPOINT first
 * puts every change into the data files, so the copy needs no write-ahead log replayed.
 */
export async function backupPglite(dir: string, file: string): Promise<{ bytes: number }> {
  if (isEmptyDir(dir)) throw new Error(`There is no embedded database at ${dir} to back up.`);
  const release = lockPgliteDir(dir);
  try {
    const tarball = await withDataDir(dir, async (client) => {
      await client.exec("checkpoint");
      return client.dumpDataDir("gzip");
    });
    const bytes = Buffer.from(await tarball.arrayBuffer());
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    // Written aside and renamed, so an interrupted backup never leaves half a file.
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    renameSync(partial, file);
    return { bytes: bytes.length };
  } finally {
    release();
  }
}

/**
 * Restores `file` into `dir`. Refused while another process holds the directory, and when
 * it already holds data unless `force`; then the old directory is kept beside it, renamed,
 * rather than deleted. The backup is unpacked into a new directory and opened before it
 * takes the old one's place, so a damaged file changes nothing.
 */
export async function restorePglite(
  file: string,
  dir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<{ users: number; keptAt: string | null }> {
  if (!existsSync(file)) throw new RestoreRefusedError(`There is no backup file at ${file}.`);
  const release = lockPgliteDir(dir);
  try {
    if (!isEmptyDir(dir) && !options.force) {
      throw new RestoreRefusedError(
        `${dir} already holds an embedded database. Restoring would replace it: run again ` +
          "with --force to do that (the current one is kept beside it, renamed).",
      );
    }
    const staging = `${dir}.restoring-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    let users: number;
    try {
      const bytes = await readFile(file);
      if (!isTarball(bytes)) throw new Error("it is neither a gzipped nor a plain tarball");
      // A File keeps the name, which tells PGlite the tarball is gzipped.
      const blob = new File([bytes], path.basename(file));
      const client = await PGlite.create({ dataDir: staging, loadDataDir: blob });
      try {
        const { rows } = await client.query<{ n: number }>("select count(*)::int as n from users");
        users = rows[0]?.n ?? 0;
      } finally {
        await client.close();
      }
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(
        `${file} could not be restored (${e instanceof Error ? e.message : e}); ${dir} is unchanged. ` +
          "Is it a Rekindle backup made by this PGlite release?",
      );
    }
    let keptAt: string | null = null;
    if (existsSync(dir)) {
      if (isEmptyDir(dir)) rmSync(dir, { recursive: true, force: true });
      else {
        const stamp = (options.now ?? new Date()).toISOString().slice(0, 19).replaceAll(":", "-");
        keptAt = `${dir}.before-restore-${stamp}`;
        renameSync(dir, keptAt);
      }
    }
    renameSync(staging, dir);
    return { users, keptAt };
  } finally {
    release();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const { env } = await import("../../server/env");
  const dir = env().PGLITE_DATA_DIR;
  const [command, ...rest] = process.argv.slice(2);
  const force = rest.includes("--force");
  const file = rest.find((a) => !a.startsWith("--"));
  if (command === "backup") {
    const target = file ?? defaultBackupFile();
    const started = Date.now();
    const { bytes } = await backupPglite(dir, target);
    console.log(
      `Backed up ${dir} to ${target} (${megabytes(bytes)}, ${Date.now() - started} ms). ` +
        "Restore it with: npm run db:restore -- " +
        target,
    );
    return;
  }
  if (command === "restore" && file) {
    const { users, keptAt } = await restorePglite(file, dir, { force });
    console.log(`Restored ${file} into ${dir}: ${users} account${users === 1 ? "" : "s"}.`);
    if (keptAt) console.log(`The database it replaced is kept at ${keptAt}.`);
    return;
  }
  console.error("Usage: npm run db:backup [-- file]   or   npm run db:restore -- <file> [--force]");
  process.exit(2);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
