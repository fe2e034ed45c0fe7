/**
 * The development server's memory after a browser has opened every page: `npm run dev`'s
 * server (scripts/serve.ts --dev) on an embedded database, Chromium visiting each page
 * signed in, and the resident memory of the server and its children before and after.
 */
import { readdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS } from "../chromium-flags";
import { residentMb, startServer } from "./shared";

/** The server and every process it started, in MB (Linux /proc). */
function treeResidentMb(root: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let mb = 0;
  for (const pid of tree) {
    try {
      mb += residentMb(pid);
    } catch {
      // gone meanwhile
    }
  }
  return mb;
}

export interface DevMemory {
  pages: number;
  failed: string[];
  startMb: number;
  afterMb: number;
  peakMb: number;
  seconds: number;
}

export async function devServerMemory(opts: {
  cwd: string;
  port: number;
  env: Record<string, string | undefined>;
  cookie: string;
  /** Opened signed out first (a signed-in person is sent from /sign-in to /home). */
  publicPaths: string[];
  /** Then opened signed in. */
  paths: string[];
  chromium: string;
  logFile: string;
}): Promise<DevMemory> {
  const started = performance.now();
  const server = await startServer({
    cwd: opts.cwd,
    script: "scripts/serve.ts",
    args: ["--dev"],
    port: opts.port,
    env: { ...opts.env, NODE_ENV: "development" },
    logFile: opts.logFile,
    readyPath: "/api/health",
    readyWithinSeconds: 600,
  });
  const browser = await chromium.launch({
    executablePath: opts.chromium,
    args: CHROMIUM_FLAGS,
  });
  try {
    const startMb = treeResidentMb(server.pid);
    let peakMb = startMb;
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    const failed: string[] = [];
    const [name, ...value] = opts.cookie.split("=");
    const signIn = () =>
      context.addCookies([
        { name: name ?? "", value: value.join("="), url: server.origin, httpOnly: true },
      ]);
    for (const p of [...opts.publicPaths, ...opts.paths]) {
      if (p === opts.paths[0]) await signIn();
      // The first visit compiles the page: minutes on a cold machine.
      const res = await page
        .goto(`${server.origin}${p}`, { waitUntil: "load", timeout: 300_000 })
        .catch(() => null);
      if (!res || res.status() >= 400) failed.push(`${p} (${res?.status() ?? "no answer"})`);
      // A page that sent the browser elsewhere (sign-in, onboarding) was not the page.
      else if (new URL(page.url()).pathname !== p) failed.push(`${p} (went to ${page.url()})`);
      peakMb = Math.max(peakMb, treeResidentMb(server.pid));
    }
    const afterMb = treeResidentMb(server.pid);
    return {
      pages: opts.publicPaths.length + opts.paths.length,
      failed,
      startMb,
      afterMb,
      peakMb: Math.max(peakMb, afterMb),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
