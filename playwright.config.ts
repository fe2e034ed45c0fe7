import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS } from "./scripts/chromium-flags";
import { E2E_SMTP_PORT } from "./tests/e2e/global-setup";

/** E2E_PORT lets a second checkout run its browser tests beside this one (SMTP takes E2E_PORT + 25). */
const port = Number(process.env.E2E_PORT ?? 3100);
/** Point the tests at a server that is already running (e.g. `next dev`) instead of building. */
const external = process.env.E2E_BASE_URL;
const installed = (paths: string[]) =>
  process.env.CHROMIUM_PATH ?? paths.find((p) => existsSync(p));
/**
 * Debian's headless shell where installed (scripts/ensure-chromium.sh): Chromium's engine
 * without the desktop browser's own processes, as Playwright's default headless runs. The
 * full browser took a third more of the suite's CPU, and the suite is CPU-bound here.
 */
const chromium = installed(["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]);
/** The shell has no push or notifications: the specs that need them drive the full browser. */
const fullChromium = installed(["/usr/bin/chromium"]);
const NEEDS_NOTIFICATIONS = /pwa-push\.spec\.ts/;

/** Browser tests drive a production build (`next build` runs first) on a fresh embedded database. */
export default defineConfig({
  testDir: "tests/e2e",
  // Reads the server's log for anything the specs noted as secret.
  globalSetup: "./tests/e2e/global-setup.ts",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // In CI each test's duration is also kept, to see where the suite's minutes go.
  reporter: process.env.CI
    ? [["line"], ["json", { outputFile: ".data/e2e/results.json" }]]
    : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: external ?? `http://localhost:${port}`,
    ...devices["Pixel 7"],
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: "phone-chromium", testIgnore: NEEDS_NOTIFICATIONS },
    {
      name: "phone-chromium-full",
      testMatch: NEEDS_NOTIFICATIONS,
      use: { launchOptions: { executablePath: fullChromium, args: CHROMIUM_FLAGS } },
    },
  ],
  webServer: external
    ? undefined
    : {
        // What `npm start` runs, plain JavaScript under node; `next build` has just made .next
        // and the server's own build takes a second. The server's output is also kept in a
        // file, which tests read to prove what it never logs.
        command:
          "rm -rf .data/e2e/pglite .data/e2e/*.log && mkdir -p .data/e2e && tsx scripts/build-server.ts && node dist/prepare-db.js && node dist/serve.js 2>&1 | tee .data/e2e/server.log",
        url: `http://localhost:${port}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
        // Each request is a log line: kept in .data/e2e/server.log, not printed here.
        stdout: "ignore",
        env: {
          PGLITE_DATA_DIR: ".data/e2e/pglite",
          AUTH_SECRET: "e2e-secret-that-is-long-enough-for-production-use",
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: "info",
          NODE_ENV: "production",
          PORT: String(port),
          // Each buddy context sends its own X-Forwarded-For, as if behind one proxy, so
          // the per-address limits of one test never reach another.
          TRUST_PROXY_HOPS: "1",
          // Mail goes through a real SMTP conversation to tests/e2e/global-setup.ts.
          SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
          APP_URL: `http://localhost:${port}`,
          // Reminders are looked for every second, so a spec's reminder arrives quickly.
          REMINDER_INTERVAL_MS: "1000",
          // A key pair for the browser tests only (pwa-push.spec.ts): push is on, as in production.
          VAPID_PUBLIC_KEY:
            "BJpIeYKaphfgw8k42ARozBdxPNpLR_9zzhtPcGyBD9dLGOAaMM7kZNAu2ZwufStCXVfG9hk9hAlLhQrOEj8uZxg",
          VAPID_PRIVATE_KEY: "9OF_JMyiaBjJBV_rBXZvpsWkraFJAGu74NQitnHUKNg",
        },
      },
});
