import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

test("the health check reports a reachable, current database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ db: "ok", migrations: "current" });
});

test("pages carry the basic security headers and no X-Powered-By", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/health"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("production refuses to start without a long enough AUTH_SECRET", async () => {
  const { PATH, HOME } = process.env;
  const child = spawn("npx", ["next", "start", "-p", "3199"], {
    env: {
      PATH,
      HOME,
      NODE_ENV: "production",
      AUTH_SECRET: "too-short",
      PGLITE_DATA_DIR: ".data/e2e/unused",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(output).toContain("AUTH_SECRET must be set to at least 32 characters");
  expect(code).toBe(1);
});
