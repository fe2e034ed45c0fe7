import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, remember, test } from "./fixtures";

/**
 * README's production path, as a person deploying Rekindle follows it: the app this run
 * built (`.next`, and the server's JavaScript in `dist/`) is copied with what README says to
 * ship into an empty folder, installed there with `npm ci --omit=dev` (no TypeScript, no
 * tsx needed, no build tools), and started with `npm start`, which must take its port and
 * database folder from a `.env` file and its secret from `.env.production`.
 */
const port = Number(process.env.E2E_PORT ?? 3100) + 31;
const base = `http://localhost:${port}`;
const SHIPPED = [
  ".next",
  "dist",
  "public",
  "db/migrations",
  "patches",
  "next.config.js",
  "package.json",
  "package-lock.json",
];

test.describe.configure({ mode: "serial" });
// Skipped against E2E_BASE_URL: it copies this run's own build, which such a run lacks.
test.skip(!!process.env.E2E_BASE_URL, "Copies the local build, which E2E_BASE_URL runs lack.");

let folder = "";
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  folder = mkdtempSync(path.join(tmpdir(), "rekindle-production-"));
  for (const item of SHIPPED) {
    cpSync(item, path.join(folder, item), {
      recursive: true,
      // The build's cache and development output are not part of what ships.
      filter: (source) => !/^\.next\/(cache|dev|trace)/.test(source),
    });
  }
  await writeFile(path.join(folder, ".env"), `PORT=${port}\nPGLITE_DATA_DIR=data/pglite\n`);
  const secret = `production-spec-secret-${randomUUID()}`;
  // The secret must never reach a log: global-teardown.ts looks for it in this server's.
  remember(secret);
  await writeFile(path.join(folder, ".env.production"), `AUTH_SECRET=${secret}\n`);

  // Nothing of this run's own settings: what the server uses comes from the files above.
  const bare = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
  } as unknown as NodeJS.ProcessEnv;
  await promisify(execFile)(
    "npm",
    ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"],
    { cwd: folder, env: bare, maxBuffer: 16 * 1024 * 1024 },
  );

  const child = spawn("npm", ["start"], {
    cwd: folder,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...bare, MAIL_OFF: "true", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "info" },
  });
  server = child;
  // Beside the main server's log, which global-teardown.ts searches for secrets.
  const log = createWriteStream(".data/e2e/production.log");
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      const ending = readFileSync(".data/e2e/production.log", "utf8").slice(-2000);
      throw new Error(`npm start did not answer on port ${port}. Its log ends:\n${ending}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server?.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("installs without dev dependencies, with the postgres patch applied", () => {
  expect(existsSync(path.join(folder, "node_modules/next"))).toBe(true);
  // Tools only the build and the tests use (TypeScript and Playwright come along as peers
  // of tRPC and Next.js).
  for (const tool of ["vitest", "@biomejs/biome", "drizzle-kit", "tailwindcss"]) {
    expect(existsSync(path.join(folder, "node_modules", tool)), tool).toBe(false);
  }
  const driver = readFileSync(path.join(folder, "node_modules/postgres/src/connection.js"), "utf8");
  expect(driver).toContain("porsager/postgres#1154");
});

test("npm start serves on the port .env names, with the database where .env says", async ({
  request,
}) => {
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ db: "ok", migrations: "current" });
  expect(existsSync(path.join(folder, "data/pglite/PG_VERSION"))).toBe(true);
  expect(existsSync(path.join(folder, ".data/pglite"))).toBe(false);
});

test("pages render and the service worker is served from the shipped build", async ({
  page,
  request,
}) => {
  await page.goto(`${base}/sign-in`);
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toBeVisible();
  const worker = await request.get(`${base}/serwist/sw.js`);
  expect(worker.status()).toBe(200);
});
