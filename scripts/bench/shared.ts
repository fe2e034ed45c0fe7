/**
 * What `npm run load` and `npm run bench` both need: command-line numbers, a production
 * server started and stopped as a child process, and signed-in cookies made the way
 * Auth.js makes them.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";

/** `--name N` from the command line, or the fallback. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number.`);
  return value;
}

/** `--name VALUE` from the command line, or the fallback. */
export function stringFlag(name: string, fallback: string): string;
export function stringFlag(name: string, fallback?: string): string | undefined;
export function stringFlag(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

export const booleanFlag = (name: string) => process.argv.includes(`--${name}`);

/** The name Auth.js gives its session cookie over plain http. */
export const SESSION_COOKIE = "authjs.session-token";

/** The cookie a browser would send after signing in: the session id in an Auth.js JWT. */
export async function sessionCookie(sessionId: string, secret: string): Promise<string> {
  const jwt = await encode({ token: { sid: sessionId }, secret, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${jwt}`;
}

export interface StartedServer {
  process: ChildProcess;
  /** The node process serving requests (its CPU time and memory are what we measure). */
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts `node <script>` in `cwd` (through tsx when it is TypeScript) and waits until
 * `readyPath` answers 200.
 * Runs node directly (not through npx), so the pid is the server's own.
 */
export async function startServer(opts: {
  cwd: string;
  script: string;
  port: number;
  env: Record<string, string | undefined>;
  readyPath?: string;
  /** Where the server's output goes; the terminal when not given. */
  logFile?: string;
  /** Options for node itself, such as --cpu-prof (NODE_OPTIONS refuses that one). */
  nodeArgs?: string[];
  /** Arguments for the script, such as --dev. */
  args?: string[];
  /** How long to wait for `readyPath` (120 s). */
  readyWithinSeconds?: number;
}): Promise<StartedServer> {
  const out = opts.logFile ? openSync(opts.logFile, "a") : "inherit";
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      ...(opts.script.endsWith(".ts") ? ["--import", "tsx"] : []),
      opts.script,
      ...(opts.args ?? []),
    ],
    {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env, PORT: String(opts.port) },
      stdio: ["ignore", out, out],
      detached: true,
    },
  );
  const origin = `http://127.0.0.1:${opts.port}`;
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      if (!exited && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, 8000);
    await gone;
    clearTimeout(timer);
  };
  for (let i = 0; i < (opts.readyWithinSeconds ?? 120) * 2; i++) {
    if (exited) throw new Error(`${opts.script} exited before it answered.`);
    try {
      const res = await fetch(`${origin}${opts.readyPath ?? "/api/health"}`);
      if (res.ok) return { process: child, pid: child.pid ?? 0, origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`${opts.script} did not answer within ${opts.readyWithinSeconds ?? 120} s.`);
}

/** User plus system CPU time of a process so far, in milliseconds (Linux /proc). */
export function cpuMillis(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of the file (utime, stime) are 11 and 12 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process in MB (Linux /proc). */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Pins processes (every thread of each) to the given CPUs, e.g. "0" or "0-1", with taskset.
 * Children forked later inherit it (PostgreSQL's new backends). Returns false where taskset
 * is missing or refused.
 */
export function pin(cpus: string, pids: number[]): boolean {
  try {
    for (const pid of pids)
      execFileSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}
