/**
 * The PostgreSQL the benchmark runs on: the server DATABASE_URL names, or a throwaway
 * cluster (initdb in a temporary folder, its own port) started here and removed at the end.
 * The throwaway cluster loads pg_stat_statements, so statements can be counted server-side.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

export interface BenchPostgres {
  /** Where it came from, for the report. */
  description: string;
  version: string;
  /** The URL of a database on this server named `name`. */
  urlFor(name: string): string;
  /** Drops and creates a database. */
  freshDatabase(name: string): Promise<string>;
  /** Whether pg_stat_statements can be read on this server. */
  statStatements: boolean;
  stop(): Promise<void>;
  /** The cluster's processes (postmaster first), when the bench started it; for taskset. */
  pids?(): number[];
}

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root)
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  const dir = version ? path.join(root, version, "bin") : null;
  return dir && existsSync(path.join(dir, "initdb")) ? dir : null;
}

/** initdb and postgres refuse to run as root; run them as the postgres user then. */
function pg(bin: string, program: string, args: string[]) {
  const exe = path.join(bin, program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? "runuser" : exe, asRoot ? ["-u", "postgres", "--", exe, ...args] : args, {
    stdio: "pipe",
    timeout: 120_000,
  });
}

async function connect(adminUrl: string, description: string, stop: () => Promise<void>) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [shown] = await admin<{ server_version: string }[]>`show server_version`;
  const version = shown?.server_version ?? "?";
  let statStatements = false;
  try {
    await admin`create extension if not exists pg_stat_statements`;
    await admin`select count(*) from pg_stat_statements`;
    statStatements = true;
  } catch {
    // Not in shared_preload_libraries: statements are counted in-process only.
  }
  await admin.end();
  const urlFor = (name: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    description,
    version,
    urlFor,
    statStatements,
    async freshDatabase(name: string) {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.unsafe(`create database "${name}"`);
      await sql.end();
      if (statStatements) {
        const db = postgres(urlFor(name), { max: 1, onnotice: () => {} });
        await db`create extension if not exists pg_stat_statements`;
        await db.end();
      }
      return urlFor(name);
    },
    stop,
  } satisfies BenchPostgres;
}

/** DATABASE_URL's server, or a cluster of our own on `port`. */
export async function benchPostgres(port: number): Promise<BenchPostgres> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const u = new URL(given);
    return connect(given, `the server at ${u.host} (DATABASE_URL)`, async () => {});
  }
  const bin = binDir();
  if (!bin) {
    throw new Error(
      "No PostgreSQL server programs here (/usr/lib/postgresql/*/bin): set DATABASE_URL, or `apt-get install postgresql`.",
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "rekindle-bench-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  pg(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c shared_buffers=512MB",
    "-c max_connections=200",
    "-c maintenance_work_mem=256MB",
    "-c max_wal_size=4GB",
    "-c shared_preload_libraries=pg_stat_statements",
    "-c pg_stat_statements.track=all",
  ].join(" ");
  pg(bin, "pg_ctl", ["start", "-w", "-D", data, "-l", path.join(dir, "log"), "-o", settings]);
  const stop = async () => {
    try {
      pg(bin, "pg_ctl", ["stop", "-w", "-m", "fast", "-D", data]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const pids = () => {
    const main = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    let children: number[] = [];
    try {
      children = execFileSync("pgrep", ["-P", String(main)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      // no children yet
    }
    return [main, ...children];
  };
  try {
    return {
      ...(await connect(
        `postgres://postgres@127.0.0.1:${port}/postgres`,
        `a throwaway cluster on port ${port} (fsync off)`,
        stop,
      )),
      pids,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
