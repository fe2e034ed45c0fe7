import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, remember, test } from "./fixtures";

/**
 * `npm run dev` as a developer runs it, opened the way a phone on the same network opens it:
 * at an address that is not "localhost". Next.js refuses its development resources to any
 * other origin unless allowed, and the page then never hydrates; the buddy page stayed
 * blank because its development scripts lacked the policy's nonce; and Next's badge sat on
 * the Home tab. Its own port and a fresh embedded database in a temporary folder.
 */
const port = Number(process.env.E2E_PORT ?? 3100) + 41;
const dir = mkdtempSync(path.join(tmpdir(), "rekindle-dev-"));
const LOG = ".data/e2e/dev-server.log";

/** Compiling a page on first request takes a while in development, more on a busy machine. */
const slow = expect.configure({ timeout: 180_000 });
test.use({ navigationTimeout: 180_000 });

/** A network address of this machine that is not loopback, as a phone would use. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
}

/** Settings a checkout's plain `npm run dev` would not have: the embedded database, no mail server. */
const LEFT_OUT = ["DATABASE_URL", "REDIS_URL", "SMTP_URL", "APP_URL", "TRUST_PROXY_HOPS"];
const settings: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !LEFT_OUT.includes(name))),
  NODE_ENV: "development",
  PORT: String(port),
  HOSTNAME: "0.0.0.0",
  PGLITE_DATA_DIR: path.join(dir, "pglite"),
  MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
  NEXT_TELEMETRY_DISABLED: "1",
};

let server: ChildProcess | undefined;

/** Starts `npm run dev`; answers the log's words if it stopped before it was ready. */
async function startDev(): Promise<string | null> {
  const log = createWriteStream(LOG);
  const dev = spawn("npm", ["run", "dev"], { env: settings, detached: true });
  server = dev;
  dev.stdout.pipe(log);
  dev.stderr.pipe(log);
  const exited = new Promise<string>((resolve) =>
    dev.on("exit", () => resolve(readFileSync(LOG, "utf8"))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return null;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return Promise.race([ready, exited]);
}

test.afterAll(() => {
  // The whole group: npm, the server and Next's own workers.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Whether something other than the link itself sits on top of it (Next's badge did). */
const covered = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name, exact: true })
    .evaluate((link) => {
      const r = link.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !link.contains(top);
    });

test("npm run dev works when opened at 127.0.0.1 or a network address", async ({ page }) => {
  // A cold development server compiles each page on its first visit.
  test.setTimeout(600_000);
  const seeded = execFileSync("npx", ["tsx", "scripts/db/seed.ts"], {
    env: settings,
    encoding: "utf8",
  });
  const password = /password:\s+(\S+)/.exec(seeded)?.[1] ?? "";
  expect(password, "db:seed printed the demo password").not.toBe("");
  remember(password);

  const stopped = await startDev();
  // Skipped when a developer's own `npm run dev` holds this folder: Next allows one.
  test.skip(!!stopped?.includes("already running"), "Another `next dev` runs in this folder.");
  expect(stopped, "npm run dev started").toBeNull();

  // Hydrated: the button is live, and asking for a link goes through.
  const origin = `http://127.0.0.1:${port}`;
  await page.goto(`${origin}/sign-up`);
  await slow(page.getByRole("button", { name: "Send me the link" })).toBeEnabled();
  await page.getByLabel("E-mail").fill("phone-test@example.com");
  await page.getByRole("button", { name: "Send me the link" }).click();
  await slow(page).toHaveURL(/\/sign-up\/check$/);

  // From this machine's network address too, as a phone on the same Wi-Fi would open it.
  const lan = lanAddress();
  if (lan) {
    await page.goto(`http://${lan}:${port}/sign-up`);
    await slow(page.getByRole("button", { name: "Send me the link" })).toBeEnabled();
  }

  // Signed in, the app works and nothing of Next's covers the tabs.
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("E-mail").fill("demo@rekindle.test");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await slow(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByRole("button", { name: "Sign in" }).click();
  await slow(page).toHaveURL(/\/home$/);
  // Moving by a tab is client-side navigation: the page has hydrated.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  await slow(page).toHaveURL(/\/plan$/);
  for (const tab of ["Home", "Plan", "Journal", "Contacts"]) {
    expect(await covered(page, tab), `${tab} tab is uncovered`).toBe(false);
  }

  // The buddy page shows, not a blank screen.
  await page.goto(`${origin}/buddies/new`);
  await page.getByLabel("Who is it for?").fill("A friend");
  await page.getByText("Progress only", { exact: true }).click();
  await slow(page.getByRole("button", { name: "Make the link" })).toBeEnabled();
  await page.getByRole("button", { name: "Make the link" }).click();
  await slow(page.getByLabel("Link", { exact: true })).toHaveValue(/\/b\/[\w-]{43}$/);
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  remember(url.slice(url.lastIndexOf("/") + 1));
  await page.goto(`${origin}${new URL(url).pathname}`);
  await slow(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel("Your message")).toBeVisible();
});
