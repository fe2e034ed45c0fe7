/**
 * The benchmark's own production build, in a copy of the project: the route-handler
 * baseline is written into the copy's app/ tree before `next build`, so it never exists
 * in the app itself, and a build running elsewhere in the project is left alone.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

const SKIP = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "test-results",
  "playwright-report",
]);

/** Where the baseline route lives in the copy: /api/bench-baseline/dashboard and /journal. */
export const BASELINE_ROUTE = "app/api/bench-baseline/[op]/route.ts";

const ROUTE_SOURCE = `// Written by scripts/bench/build.ts into the benchmark's build copy only.
import { getDatabase } from "@/server/db";
import { baselineAnswer } from "@/scripts/bench/baseline";
import { authSecret } from "@/server/env";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const database = await getDatabase();
  if (!database.sql) return new Response("PostgreSQL only", { status: 501 });
  const answer = await baselineAnswer(database.sql, authSecret(), {
    method: req.method,
    path: new URL(req.url).pathname,
    cookie: req.headers.get("cookie") ?? undefined,
    body: req.method === "POST" ? await req.text() : undefined,
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export { handler as GET, handler as POST };
`;

/** Where the page baseline lives in the copy: /bench-baseline/home?bytes=N (N bytes more). */
export const BASELINE_PAGE = "app/bench-baseline/home/page.tsx";

/**
 * The framework's floor for a server-rendered page: a plain App Router page that reads what
 * /home reads with the same prepared SQL and prints it, padded with plain markup (`bytes`
 * more, roughly; the bench solves for /home's size), with no tRPC, no services and no
 * client components.
 */
const PAGE_SOURCE = `// Written by scripts/bench/build.ts into the benchmark's build copy only.
import { headers } from "next/headers";
import { homePageBySql } from "@/scripts/bench/baseline";
import { getDatabase } from "@/server/db";
import { authSecret } from "@/server/env";

export const dynamic = "force-dynamic";

const ITEM = "rounded-xl border border-line bg-surface p-3 text-sm";

export default async function BaselinePage({
  searchParams,
}: {
  searchParams: Promise<{ bytes?: string }>;
}) {
  const database = await getDatabase();
  if (!database.sql) return <p>PostgreSQL only</p>;
  const data = await homePageBySql(
    database.sql,
    (await headers()).get("cookie") ?? undefined,
    authSecret(),
  );
  if (!data) return <p>Signed out</p>;
  const printed = data.rows.map((row) => JSON.stringify(row));
  // About \`bytes\` more markup; the bench measures what that adds and solves for /home's size.
  const filler = Math.max(0, Math.floor(Number((await searchParams).bytes ?? 0) / 100));
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-5 pt-6">
      <h1 className="text-3xl font-bold">Hello, {data.name}</h1>
      <p className="text-muted">{data.greeting}</p>
      <ul className="flex flex-col gap-2">
        {printed.map((text, i) => (
          <li key={i} className={ITEM}>
            {text}
          </li>
        ))}
        {Array.from({ length: filler }, (_, i) => (
          <li key={\`f\${i}\`} className={ITEM}>
            A line of plain markup, number {i}, to match the page size.
          </li>
        ))}
      </ul>
    </main>
  );
}
`;

/** The empty-page floor for first-load JavaScript: /bench-baseline/empty. */
export const EMPTY_PAGE = "app/bench-baseline/empty/page.tsx";
export const EMPTY_ROUTE = "/bench-baseline/empty";

/**
 * A page with one line on it: what any page of this build loads before its own code. The
 * line is there for Lighthouse, which scores no page that paints nothing.
 */
const EMPTY_SOURCE = `// Written by scripts/bench/build.ts into the benchmark's build copy only.
export default function EmptyPage() {
  return (
    <main>
      <p>An empty page.</p>
    </main>
  );
}
`;

/**
 * Copies the project at `source` to `dir` (node_modules hard-linked, or copied where hard
 * links cannot be made), adds the baseline route and runs `npm run build` there.
 */
export function buildCopy(
  source: string,
  dir: string,
  log: (line: string) => void,
  opts: { readableServer?: boolean } = {},
): number {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, {
    recursive: true,
    filter: (from) => {
      const rel = path.relative(source, from);
      return rel === "" || !SKIP.has(rel.split(path.sep)[0] ?? "");
    },
  });
  const modules = path.join(source, "node_modules");
  try {
    execFileSync("cp", ["-al", modules, path.join(dir, "node_modules")], { stdio: "pipe" });
  } catch {
    log("  node_modules: hard links failed (another file system?), linking the folder instead");
    rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    symlinkSync(modules, path.join(dir, "node_modules"), "dir");
  }
  const route = path.join(dir, BASELINE_ROUTE);
  mkdirSync(path.dirname(route), { recursive: true });
  writeFileSync(route, ROUTE_SOURCE);
  const page = path.join(dir, BASELINE_PAGE);
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(page, PAGE_SOURCE);
  const empty = path.join(dir, EMPTY_PAGE);
  mkdirSync(path.dirname(empty), { recursive: true });
  writeFileSync(empty, EMPTY_SOURCE);
  if (opts.readableServer) {
    // For a CPU profile: server code left unminified, so functions and modules keep names.
    const config = path.join(dir, "next.config.js");
    const text = readFileSync(config, "utf8");
    const changed = text.replace(
      "const nextConfig = {",
      "const nextConfig = {\n  experimental: { serverMinification: false },",
    );
    if (changed === text)
      throw new Error("next.config.js no longer starts its config as expected.");
    writeFileSync(config, changed);
  }
  // `npm run build`, the same steps as a deploy: next build, the compile hints, dist/.
  log(`  npm run build in ${dir} …`);
  execFileSync("npm", ["run", "build"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  return (performance.now() - started) / 1000;
}

export const hasBuild = (dir: string) =>
  existsSync(path.join(dir, ".next", "BUILD_ID")) &&
  existsSync(path.join(dir, BASELINE_ROUTE)) &&
  existsSync(path.join(dir, BASELINE_PAGE)) &&
  existsSync(path.join(dir, "dist", "serve.js"));
