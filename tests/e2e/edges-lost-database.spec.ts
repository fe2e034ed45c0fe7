import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { encode } from "next-auth/jwt";
import { expect, remember, test } from "./fixtures";

/**
 * SECURITY 30 and 35 for pages: while PostgreSQL is away, a page answers 503 with the kind
 * "try again" page, not 500. A production server of this build is started on a database
 * address where a server listens and drops every connection at once, as a PostgreSQL
 * that went away mid-restart does. A signed-in request (a session cookie the server must
 * check against the database) and a buddy link then both need the database.
 */
const port = Number(process.env.E2E_PORT ?? 3100) + 21;
const base = `http://localhost:${port}`;
const SECRET = "e2e-secret-that-is-long-enough-for-production-use";

test.describe.configure({ mode: "serial" });
// Skipped against E2E_BASE_URL: it starts a production server of its own, on a dead database.
test.skip(!!process.env.E2E_BASE_URL, "Starts a production server of its own.");

let server: ChildProcess | undefined;
let gone: Server | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Accepts and hangs up at once: connecting "works", and then the database is gone.
  gone = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => gone?.listen(0, "127.0.0.1", resolve));
  const address = gone.address();
  const databasePort = typeof address === "object" && address ? address.port : 0;
  server = spawn(process.execPath, ["dist/serve.js"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `postgres://postgres@127.0.0.1:${databasePort}/rekindle`,
      PORT: String(port),
      AUTH_SECRET: SECRET,
      TRUST_PROXY_HOPS: "1",
      APP_URL: base,
      MAIL_OFF: "true",
      LOG_LEVEL: "info",
    },
  });
  // Beside the main server's log, which global-teardown.ts searches for secrets.
  mkdirSync(".data/e2e", { recursive: true });
  const log = createWriteStream(".data/e2e/edges-lost-database.log");
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  gone?.close();
});

/** The cookie of a signed-in browser: the server must ask the database whether it lives. */
async function sessionCookie() {
  const sid = randomUUID();
  remember(sid);
  // What the failing session lookup sends as its parameter: no log line may carry it.
  remember(createHash("sha256").update(sid).digest("base64url"));
  const jwt = await encode({
    token: { sid },
    secret: SECRET,
    salt: "authjs.session-token",
  });
  return { name: "authjs.session-token", value: jwt, url: base };
}

test("pages answer 503 with the kind try-again page while the database is away", async ({
  browser,
  request,
}) => {
  const cookie = await sessionCookie();
  for (const path of ["/home", "/journal", "/buddies"]) {
    const res = await request.get(`${base}${path}`, {
      headers: { Cookie: `${cookie.name}=${cookie.value}` },
      maxRedirects: 0,
    });
    expect(res.status(), path).toBe(503);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    expect(res.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  }
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(503);

  const context = await browser.newContext({ baseURL: base });
  await context.addCookies([cookie]);
  const page = await context.newPage();
  const opened = await page.goto("/home");
  expect(opened?.status()).toBe(503);
  await expect(
    page.getByRole("heading", { name: "We couldn't open this page just now" }),
  ).toBeVisible();
  await expect(page.getByText("Nothing you saved is lost.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("home-503.png") });
  await context.close();
});

test("the buddy page answers 503 with its try-again page, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  const page = await context.newPage();
  const token = randomBytes(32).toString("base64url");
  remember(token);
  const opened = await page.goto(`/b/${token}`);
  expect(opened?.status()).toBe(503);
  expect(Number(opened?.headers()["retry-after"])).toBeGreaterThan(0);
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(
    page.getByRole("heading", { name: "We couldn't open this page just now" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("buddy-503.png") });
  await context.close();
});
