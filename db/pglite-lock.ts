import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite has no lock between processes: a second process opening the same directory
 * silently loses writes. This lock file beside the directory records the holder's pid.
 * A lock whose holder has died (a crash, kill -9) is taken over at once; a pid check is
 * exact where an mtime heartbeat would make a restarted server wait out a stale window.
 */
export class PgliteLockedError extends Error {
  constructor(dir: string, lockFile: string, pid: number) {
    super(
      `The embedded database at ${dir} is already open in another process (pid ${pid}). ` +
        "Only one Rekindle process may use it at a time: stop the other one (for example a " +
        "second `npm run dev`), or point PGLITE_DATA_DIR at another folder. If no such process " +
        `is running, delete ${lockFile}.`,
    );
    this.name = "PgliteLockedError";
  }
}

interface Holder {
  pid: number;
  host: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Holder;
  } catch {
    return null;
  }
}

/** Takes the lock or throws PgliteLockedError. Returns the function that releases it. */
export function lockPgliteDir(dir: string): () => void {
  const lockFile = `${path.resolve(dir)}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const me: Holder = { pid: process.pid, host: hostname() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(lockFile);
      if (holder?.pid === process.pid && holder.host === me.host) return () => release(lockFile);
      if (!holder) {
        // A holder may be between creating the file and writing its pid.
        const age = Date.now() - statSync(lockFile).mtimeMs;
        if (age < 2000) throw new PgliteLockedError(dir, lockFile, 0);
      } else if (holder.host !== me.host || isAlive(holder.pid)) {
        throw new PgliteLockedError(dir, lockFile, holder.pid);
      }
      unlinkSync(lockFile);
      continue;
    }
    // Two processes may both have removed a stale lock; only the one whose pid stayed wins.
    const now = readHolder(lockFile);
    if (now?.pid !== process.pid) throw new PgliteLockedError(dir, lockFile, now?.pid ?? 0);
    const onExit = () => release(lockFile);
    process.once("exit", onExit);
    return () => {
      process.off("exit", onExit);
      release(lockFile);
    };
  }
  throw new PgliteLockedError(dir, lockFile, readHolder(lockFile)?.pid ?? 0);
}

function release(lockFile: string): void {
  if (readHolder(lockFile)?.pid !== process.pid) return;
  try {
    unlinkSync(lockFile);
  } catch {
    // Already gone.
  }
}
