import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, inject, it, onTestFinished } from "vitest";
import { testDbKind } from "../helpers/db";
import { createDatabase, dropDatabase, urlForDatabase, withAdmin } from "../helpers/postgres";

/**
 * Each test runs a real entry point as its own process, in a folder of its own that holds
 * only .env files (and the migrations, which are read from the working folder), with
 * none of these settings in its environment: whatever takes effect came from the files.
 */
const root = path.resolve(".");
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rekindle-settings-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  cpSync(path.join(root, "db", "migrations"), path.join(dir, "db", "migrations"), {
    recursive: true,
  });
  return dir;
}

/** Runs a TypeScript file of the project with tsx, in `cwd`, and collects what it prints. */
function run(script: string, cwd: string, env: Record<string, string> = {}) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [path.resolve(root, script)], {
    cwd,
    // A bare environment: PATH and HOME, the project's tsconfig for tsx, and the test's own.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A script that prints the settings as server/env.ts understood them. */
function probe(dir: string): string {
  const file = path.join(dir, "probe.mts");
  writeFileSync(
    file,
    `import { env } from ${JSON.stringify(path.join(root, "server/env.ts"))};\n` +
      "console.log(JSON.stringify(env()));\n",
  );
  return file;
}

async function settingsIn(dir: string, env: Record<string, string> = {}) {
  const { code, output } = await run(probe(dir), dir, env);
  expect(code, output).toBe(0);
  return JSON.parse(output) as Record<string, unknown>;
}

const kind = testDbKind();

// Skipped on PostgreSQL: the file rules are the same on either database, checked on PGlite.
describe.runIf(kind === "pglite")("settings from .env files", () => {
  const files = {
    ".env": "PORT=4001\nTRUST_PROXY_HOPS=1\nLOG_LEVEL=warn\nHOSTNAME=127.0.0.2\n",
    ".env.local": "PORT=4002\n",
    ".env.development": "TRUST_PROXY_HOPS=2\n",
    ".env.production": "TRUST_PROXY_HOPS=3\n",
    ".env.test": "TRUST_PROXY_HOPS=4\n",
  };

  it("read in Next.js's order: .env.local, then .env.<mode>, then .env", async () => {
    const dir = folderWith(files);
    const settings = await settingsIn(dir);
    expect(settings).toMatchObject({ PORT: 4002, TRUST_PROXY_HOPS: 2, HOSTNAME: "127.0.0.2" });
    expect(await settingsIn(dir, { NODE_ENV: "production" })).toMatchObject({
      PORT: 4002,
      TRUST_PROXY_HOPS: 3,
    });
    // As in Next.js, tests leave .env.local out, so they run alike on every machine.
    expect(await settingsIn(dir, { NODE_ENV: "test" })).toMatchObject({
      PORT: 4001,
      TRUST_PROXY_HOPS: 4,
    });
  }, 60_000);

  it("lose to a variable set in the environment", async () => {
    const dir = folderWith(files);
    const settings = await settingsIn(dir, { LOG_LEVEL: "error", PORT: "4003" });
    expect(settings).toMatchObject({ LOG_LEVEL: "error", PORT: 4003, TRUST_PROXY_HOPS: 2 });
  }, 60_000);

  it("reach scripts/prepare-db.ts: it makes the embedded database where .env says", async () => {
    const dir = folderWith({ ".env": "PGLITE_DATA_DIR=data/from-dotenv\n" });
    const { code, output } = await run("scripts/prepare-db.ts", dir);
    expect(code, output).toBe(0);
    expect(existsSync(path.join(dir, "data", "from-dotenv", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dir, ".data"))).toBe(false);
  }, 180_000);
});

// Skipped on PGlite: DATABASE_URL from .env must lead `npm run db:migrate` to a server.
describe.runIf(kind === "postgres")("settings from .env files, on PostgreSQL", () => {
  it("reach npm run db:migrate: it migrates the database .env names", async () => {
    const name = `${inject("postgresRunPrefix")}settings_${process.pid}`;
    await withAdmin((admin) => createDatabase(admin, name));
    onTestFinished(() => withAdmin((admin) => dropDatabase(admin, name)).then(() => {}));
    const dir = folderWith({ ".env": `DATABASE_URL=${urlForDatabase(name)}\n` });

    const { code, output } = await run("scripts/migrate.ts", dir);
    expect(code, output).toBe(0);

    const journal = JSON.parse(
      readFileSync(path.join(dir, "db/migrations/meta/_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    const sql = postgres(urlForDatabase(name), { max: 1, onnotice: () => {} });
    onTestFinished(() => sql.end({ timeout: 5 }));
    const [row] = await sql<{ count: number }[]>`
      select count(*)::int as count from drizzle.__drizzle_migrations`;
    expect(row?.count).toBe(journal.entries.length);
  }, 60_000);
});
