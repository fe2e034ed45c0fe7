import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { COMPILE_HINT } from "@/scripts/compile-hints";
import { MIN_BYTES } from "@/scripts/precompress";
import { expect, test } from "./fixtures";

test("the health check reports a reachable, current database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  // The embedded database allows one process, so its limits are counted in memory.
  expect(await res.json()).toEqual({ db: "ok", migrations: "current", limits: "memory" });
});

/** What every response must carry, page or API, signed in or not. */
const EVERY_ROUTE = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

test("every route carries the security headers, and no X-Powered-By", async ({ request }) => {
  const routes = [
    "/",
    "/sign-in",
    "/sign-up",
    "/home",
    "/plan",
    "/no-such-page",
    "/link-gone",
    `/b/${"x".repeat(43)}`,
    `/cal/${"x".repeat(43)}.ics`,
    "/api/health",
    "/api/trpc/account.me",
    "/icon.svg",
  ];
  // Addresses that are themselves secrets are never sent on in a Referer at all.
  const secret = (path: string) => /^\/(b\/|cal\/|link-gone$)/.test(path);
  for (const path of routes) {
    const res = await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    for (const [name, value] of Object.entries(EVERY_ROUTE)) {
      const expected = name === "referrer-policy" && secret(path) ? "no-referrer" : value;
      expect(headers[name], `${name} on ${path}`).toBe(expected);
    }
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("a page's scripts come as the build compressed them, with the same headers", async ({
  request,
}) => {
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const res = await request.get(src, { headers: { "accept-encoding": "gzip, deflate, br" } });
    const headers = res.headers();
    expect(res.status(), src).toBe(200);
    if ((await res.body()).length >= MIN_BYTES) expect(headers["content-encoding"], src).toBe("br");
    expect(headers["cache-control"], src).toContain("immutable");
    for (const [name, value] of Object.entries(EVERY_ROUTE)) {
      expect(headers[name], `${name} on ${src}`).toBe(value);
    }
  }
});

/** The nonce a page's policy allows, read from its Content-Security-Policy header. */
function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
  expect(nonce, "the policy names a nonce").toBeTruthy();
  return nonce ?? "";
}

test("each page has a strict CSP with a fresh nonce, and every script carries it", async ({
  request,
}) => {
  const seen = new Set<string>();
  for (const path of ["/", "/sign-in", "/sign-up", "/", "/link-gone", "/no-such-page"]) {
    const res = await request.get(path);
    const policy = res.headers()["content-security-policy"];
    expect(policy, path).toContain("'strict-dynamic'");
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'none'");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).not.toContain("unsafe-eval");
    const nonce = nonceOf(policy);
    expect(seen.has(nonce), `a nonce is never reused (${path})`).toBe(false);
    seen.add(nonce);

    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test("the scripts every page starts with carry V8's compile hint, a page's own do not", async ({
  request,
}) => {
  // Skipped against E2E_BASE_URL: the build manifest read here is this run's own.
  test.skip(!!process.env.E2E_BASE_URL, "Reads the local build's manifest.");
  const { rootMainFiles } = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as {
    rootMainFiles: string[];
  };
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? "");
  const hinted: string[] = [];
  for (const src of scripts) {
    if ((await (await request.get(src)).text()).startsWith(`${COMPILE_HINT}\n`)) hinted.push(src);
  }
  expect(scripts.length).toBeGreaterThan(hinted.length);
  expect(hinted.sort()).toEqual(
    rootMainFiles
      .filter((f) => f.endsWith(".js"))
      .map((f) => `/_next/${f}`)
      .sort(),
  );
});

test("a body over 256 kB is refused with 413 before anything reads it", async ({ request }) => {
  const huge = JSON.stringify({ body: "x".repeat(300 * 1024) });
  for (const path of ["/api/trpc/journal.create", "/sign-in", "/b/abc/encourage"]) {
    const res = await request.post(path, {
      data: huge,
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status(), path).toBe(413);
    expect(await res.json()).toEqual({
      error: { message: "That is more than Rekindle can take in one go." },
    });
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
      // Mail off on purpose, so the refusal is about the secret alone.
      MAIL_OFF: "true",
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
