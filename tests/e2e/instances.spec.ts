import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { devices } from "@playwright/test";
import { Redis } from "ioredis";
import postgres from "postgres";
import {
  expect,
  freshAddress,
  mailLink,
  mailsTo,
  makeLink,
  newUser,
  remember,
  SECRETS_FILE,
  signUp,
  type TestUser,
  test,
} from "./fixtures";
import { E2E_SMTP_PORT } from "./global-setup";

/**
 * A real deployment runs several app servers behind a load balancer. Here two production
 * instances of this build share one fresh PostgreSQL database, on two ports, and a person
 * moves between them as a balancer would send them: whatever one instance decides
 * (a session, its end, a limit reached, a link revoked) holds on the other at once.
 *
 * Needs PostgreSQL: TEST_DATABASE_URL, which `.ci/run` sets. Without it, this says so and
 * skips: the embedded database belongs to one process by design. With TEST_REDIS_URL (also
 * set by `.ci/run`) both count rate limits in Redis, in a database of their own flushed
 * first; without it, in PostgreSQL. Instance b also sends its traces to a local OTLP/HTTP
 * endpoint here, so its requests, procedures and statements are checked for secrets.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const redisServer = process.env.TEST_REDIS_URL;
const base = Number(process.env.E2E_PORT ?? 3100);
const PORTS = { a: base + 11, b: base + 12 } as const;
type Instance = keyof typeof PORTS;
const url = (instance: Instance) => `http://localhost:${PORTS[instance]}`;

test.describe.configure({ mode: "serial" });
// Skipped without TEST_DATABASE_URL: two instances need a database server both can reach.
test.skip(!serverUrl, "Two instances need PostgreSQL: set TEST_DATABASE_URL.");

const database = `rekindle_two_${randomBytes(4).toString("hex")}`;
const servers: ChildProcess[] = [];

/** Redis database 1–15 by E2E_PORT, so a second checkout's run never flushes this one's. */
function redisUrl(): string | undefined {
  if (!redisServer) return undefined;
  const url = new URL(redisServer);
  url.pathname = `/${(base % 15) + 1}`;
  return url.toString();
}
const limitStore = redisUrl() ? "redis" : "postgres";

/** Every OTLP body instance b sent, kept as a .log so global-teardown.ts seeks secrets in it. */
const TRACES_LOG = ".data/e2e/traces-b.log";
const traceBodies: string[] = [];
let collector: Server | undefined;

async function startCollector(): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      traceBodies.push(body);
      appendFileSync(TRACES_LOG, `${body}\n`);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  collector = server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function healthy(instance: Instance, child: ChildProcess, deadline: number) {
  while (Date.now() < deadline && child.exitCode === null) {
    const answer = await fetch(`${url(instance)}/api/health`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = readFileSync(`.data/e2e/instance-${instance}.log`, "utf8").slice(-2000);
  throw new Error(`Instance ${instance} did not become healthy. Its log ends:\n${log}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = new URL(serverUrl as string);
  databaseUrl.pathname = `/${database}`;

  mkdirSync(".data/e2e", { recursive: true });
  const limitsUrl = redisUrl();
  if (limitsUrl) {
    const redis = new Redis(limitsUrl, { maxRetriesPerRequest: 1 });
    await redis.flushdb();
    await redis.quit();
  }
  const traces = await startCollector();
  for (const instance of ["a", "b"] as const) {
    // Both migrate as they start, at the same moment: the advisory lock lets one do it.
    const child = spawn("bash", ["-c", "node dist/prepare-db.js && exec node dist/serve.js"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl.toString(),
        MIGRATE_ON_START: "true",
        PORT: String(PORTS[instance]),
        AUTH_SECRET: "e2e-secret-that-is-long-enough-for-production-use",
        TRUST_PROXY_HOPS: "1",
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        APP_URL: url(instance),
        LOG_LEVEL: "info",
        // Both look for due reminders every second (the least allowed), racing for each one.
        REMINDER_INTERVAL_MS: "1000",
        ...(limitsUrl ? { REDIS_URL: limitsUrl } : {}),
        // One instance traced, the other not: tracing on and off serve alike.
        ...(instance === "b" ? { OTEL_EXPORTER_OTLP_ENDPOINT: traces } : {}),
      },
    });
    // Kept beside the main server's log, which global-teardown.ts searches for secrets.
    const log = createWriteStream(`.data/e2e/instance-${instance}.log`);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    servers.push(child);
  }
  const deadline = Date.now() + 150_000;
  await Promise.all(
    (["a", "b"] as const).map((instance, i) =>
      healthy(instance, servers[i] as ChildProcess, deadline),
    ),
  );
});

test.afterAll(async () => {
  const running = servers.filter((child) => child.exitCode === null && child.pid);
  const exits = running.map((child) => new Promise((r) => child.once("exit", r)));
  for (const child of running) {
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      // Ended on its own in the meantime.
    }
  }
  await Promise.all(exits);
  await new Promise((closed) => (collector ? collector.close(closed) : closed(undefined)));
  const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

/** A phone whose requests come from one address, starting on instance `a`. */
async function phone(browser: import("@playwright/test").Browser, address = freshAddress()) {
  return browser.newContext({
    ...devices["Pixel 7"],
    baseURL: url("a"),
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
}

test("a session made on one instance works on the other, and signing out on one ends it on both", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Both");
  const context = await phone(browser);
  const page = await context.newPage();
  await signUp(page, user);

  // Cookies belong to the host, not the port: the same session goes to instance b.
  await page.goto(`${url("b")}/home`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
  const session = await context.cookies();

  await page.goto(`${url("a")}/settings`);
  await page.getByRole("button", { name: "Sign out on this device" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The old cookie, replayed to the other instance, opens nothing.
  const replay = await phone(browser);
  await replay.addCookies(session);
  const again = await replay.newPage();
  await again.goto(`${url("b")}/home`);
  await expect(again).toHaveURL(/\/sign-in/);
  await expect(again.getByText(user.name)).toHaveCount(0);
  await replay.close();
  await context.close();
});

/** Posts a sign-in as the form does, to one instance. */
function signInTo(
  context: import("@playwright/test").BrowserContext,
  instance: Instance,
  user: TestUser,
  password: string,
) {
  return context.request.post(`${url(instance)}/sign-in/submit`, {
    data: { email: user.email, password },
  });
}

test("wrong passwords spread over both instances reach one shared limit", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = newUser("Limit");
  const owner = await phone(browser);
  await signUp(await owner.newPage(), user);
  await owner.close();

  // Someone else, from one address, guesses: five wrong passwords, turn and turn about.
  const guesser = await phone(browser);
  const instances: Instance[] = ["a", "b", "a", "b", "a"];
  for (const instance of instances) {
    const wrong = `not-it-${randomBytes(6).toString("hex")}`;
    remember(wrong);
    const answer = await signInTo(guesser, instance, user, wrong);
    expect(answer.status(), `a wrong password on ${instance}`).toBe(401);
  }
  // Neither instance lets a sixth try through, not even with the right password.
  for (const instance of ["b", "a"] as const) {
    const answer = await signInTo(guesser, instance, user, user.password);
    expect(answer.status(), `instance ${instance} after the limit`).toBe(429);
    expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await answer.json()).formError).toContain(
      "Too many attempts to sign in to this account.",
    );
  }
  await guesser.close();

  // The owner, on their own phone elsewhere, still signs in.
  const elsewhere = await phone(browser);
  const answer = await signInTo(elsewhere, "b", user, user.password);
  expect(answer.status()).toBe(200);
  await elsewhere.close();

  // Both instances count in the one shared store, and their health says which.
  for (const instance of ["a", "b"] as const) {
    const health = await (await fetch(`${url(instance)}/api/health`)).json();
    expect(health.limits, `where instance ${instance} counts`).toBe(limitStore);
  }
  const limitsUrl = redisUrl();
  if (limitsUrl) {
    const redis = new Redis(limitsUrl, { maxRetriesPerRequest: 1 });
    try {
      // The lockout lives in Redis, under a hashed key, so neither instance keeps it alone.
      const keys = await redis.keys("signInFailuresPerAccount:*");
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(" ")).not.toContain(user.email);
    } finally {
      await redis.quit();
    }
  }
});

test("a buddy link revoked on one instance is dead on the other at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await phone(browser);
  const page = await context.newPage();
  await signUp(page, newUser("Revoker"));
  const path = await makeLink(page, "my brother", "Progress only");
  remember(path.slice("/b/".length));

  const buddy = await phone(browser);
  const before = await buddy.request.get(`${url("b")}${path}`);
  expect(before.status()).toBe(200);

  await page.goto("/buddies");
  await page.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();

  const after = await buddy.request.get(`${url("b")}${path}`);
  expect(after.status()).toBe(404);
  expect(await after.text()).toContain("This link no longer works");
  await buddy.close();
  await context.close();
});

test("a reminder that falls due is sent once, though both instances look for it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Remind");
  const context = await phone(browser);
  const page = await context.newPage();
  await signUp(page, user);

  await page.goto("/settings/reminders");
  // Midnight with no quiet hours: due at once, whatever the time of the run.
  await page.getByLabel("Check-in time").fill("00:00");
  await page.getByLabel("Quiet hours").uncheck();
  await page.getByLabel("Also send me an e-mail").check();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText(/^Saved\. We'll remind you at 12:00\sAM\.$/)).toBeVisible();

  await mailLink(user.email, /\/settings\/reminders/);
  // Each instance has looked again about five times since: still one reminder mail.
  await new Promise((r) => setTimeout(r, 5_000));
  const reminders = mailsTo(user.email).filter((text) => text.includes("/settings/reminders"));
  expect(reminders).toHaveLength(1);

  // And on the other instance, the home page shows it as today's one reminder.
  await page.goto(`${url("b")}/home`);
  await expect(page.getByRole("region", { name: "Time for your check-in" })).toBeVisible();
  await context.close();
});

interface OtlpSpan {
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string } }[];
}

/** The spans instance b has sent so far. */
function tracedSpans(): OtlpSpan[] {
  return traceBodies.flatMap((body) =>
    (
      JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }
    ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans)),
  );
}
const has = (span: OtlpSpan, key: string) => span.attributes.some((a) => a.key === key);

test("instance b's traces cover requests, procedures and SQL, and hold no secret", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // A request of its own with a query string and a secret in its path: both must stay out.
  const context = await phone(browser);
  const page = await context.newPage();
  const user = newUser("Traced");
  await signUp(page, user);
  await page.goto(`${url("b")}/home?private=${encodeURIComponent(user.password)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
  // A call over HTTP, as the app's own scripts make it (the page above called in-process).
  expect((await page.request.get(`${url("b")}/api/trpc/account.me`)).status()).toBe(200);
  await context.close();

  // Spans leave in batches every few seconds.
  const SERVER = 2;
  await expect
    .poll(
      () => {
        const spans = tracedSpans();
        return {
          request: spans.some((s) => s.kind === SERVER && has(s, "http.method")),
          trpcRequest: spans.some((s) => s.kind === SERVER && s.name.endsWith(" /api/trpc/[trpc]")),
          procedure: spans.some((s) => has(s, "rpc.method")),
          statement: spans.some((s) => has(s, "db.query.text")),
        };
      },
      { timeout: 20_000 },
    )
    .toEqual({ request: true, trpcRequest: true, procedure: true, statement: true });

  const everything = traceBodies.join("\n");
  const secrets = existsSync(SECRETS_FILE)
    ? readFileSync(SECRETS_FILE, "utf8").split("\n").filter(Boolean)
    : [];
  expect(secrets.length).toBeGreaterThan(0);
  const leaked = [...secrets, user.email].filter((secret) => everything.includes(secret));
  expect(leaked, "secrets in the traces").toEqual([]);
  expect(everything).not.toContain("private=");
});
