/**
 * `npm run bench`: Rekindle side by side with the bare stack on realistic data, and the
 * budgets it must meet. A report, not a test: it never runs in `npm test`, and CI does not
 * depend on timing. Writes docs/benchmarks.md (and the raw figures as JSON beside the build).
 *
 *   --users N         people seeded for the main runs (10000)
 *   --duration S      seconds per measured run (20), after --warmup S (5)
 *   --connections N   autocannon connections (32)
 *   --scale N         people for the scale check: EXPLAIN and latency vs --small (100000; 0 skips)
 *   --small N         people for the scale check's small side (1000)
 *   --processes N     Rekindle instances for the several-processes run (2; 1 skips)
 *   --skip-lighthouse --skip-pglite --skip-dev (the development server's memory)
 *   --skip-build (reuse the build in --build-dir)
 *   --build-dir DIR   where the build copy goes (<tmp>/rekindle-bench-build)
 *   --pg-port N       the throwaway cluster's port (5441), when DATABASE_URL is not set
 *   --port N          first of the ports used (3600; three in a row)
 *   --report FILE     where the report goes (docs/benchmarks.md)
 *   --only A,B        measure only these scenarios (dashboard-data, dashboard-page,
 *                     baseline-page, buddy-page, processes, …); the other runs are left out
 *   --node-args "A B" flags for node running the main Rekindle server and the bare one
 *                     (--trace-gc, say)
 *   --cpu-prof DIR    build with readable server code and write a CPU profile of the main
 *                     Rekindle server into DIR; read it with scripts/bench/profile-summary.ts
 *                     (timings from such a run are not the production figures)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { buildCopy, EMPTY_ROUTE, hasBuild } from "./build";
import { devServerMemory } from "./dev-memory";
import {
  baselinePagePath,
  drive,
  driveSpread,
  joinHalves,
  LANGUAGE,
  type Person,
  type RunResult,
  setBaselinePage,
} from "./drive";
import { buddyPageWithoutJs, firstLoadJs, type LighthouseResult, lighthouse } from "./frontend";
import { benchPostgres } from "./postgres";
import { type Quiet, untilQuiet } from "./quiet";
import { type BenchReport, FULL_EMPTY_PAGE, type ScaleStatement, writeReport } from "./report";
import { benchBuddyToken, benchEmail, benchSessionId, seedPeople } from "./seed";
import {
  booleanFlag,
  numberFlag,
  pin,
  residentMb,
  type StartedServer,
  sessionCookie,
  startServer,
  stringFlag,
} from "./shared";

const SECRET = "bench-secret-that-is-long-enough-for-production-use";
const ROOT = process.cwd();
/**
 * Lighthouse and the development server's page visits drive Debian's headless shell where
 * installed, as the browser tests do: Chromium's engine without the desktop browser's own
 * processes, which on two cores run inside the page's tasks and so inside its score. The
 * empty page is scored in the full browser too, beside the pages, to show that difference.
 */
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const FULL_CHROMIUM = "/usr/bin/chromium";

const o = {
  users: numberFlag("users", 10_000),
  duration: numberFlag("duration", 20),
  warmup: numberFlag("warmup", 5),
  connections: numberFlag("connections", 32),
  scale: numberFlag("scale", 100_000),
  small: numberFlag("small", 1_000),
  processes: numberFlag("processes", 2),
  skipLighthouse: booleanFlag("skip-lighthouse"),
  skipPglite: booleanFlag("skip-pglite"),
  skipBuild: booleanFlag("skip-build"),
  skipDev: booleanFlag("skip-dev"),
  buildDir: path.resolve(stringFlag("build-dir", path.join(os.tmpdir(), "rekindle-bench-build"))),
  pgPort: numberFlag("pg-port", 5441),
  port: numberFlag("port", 3600),
  cpuProf: stringFlag("cpu-prof"),
  only: stringFlag("only")?.split(",") ?? null,
  nodeArgs: stringFlag("node-args")?.split(" ").filter(Boolean) ?? [],
  report: stringFlag("report"),
  chromium:
    process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM),
};

// A profiled run's figures are not the production ones: its report goes beside the build.
const reportPath = path.resolve(
  o.report ??
    (o.cpuProf
      ? path.join(o.buildDir, "benchmarks-profiled.md")
      : path.join(ROOT, "docs", "benchmarks.md")),
);
const log = (line: string) => console.log(line);
const version = (pkg: string) => {
  try {
    return (
      JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
  } catch {
    return "?";
  }
};
/** The browser's own version: Lighthouse's scores move with it, so the report names it. */
const browserVersion = (bin: string) => {
  try {
    return (
      execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
        .trim()
        .replace(/^Chromium\s+/, "")
        .split(/\s/)[0] ?? "?"
    );
  } catch {
    return "?";
  }
};

/** Every signed-in page, with one of the person's own entry, contact and link where they have one. */
function signedInPaths(ids?: {
  entry: string | null;
  contact: string | null;
  link: string | null;
}) {
  return [
    "/home",
    "/plan",
    "/plan/1",
    "/plan/outcome",
    "/plan/readiness",
    "/plan/situation",
    "/journal",
    "/journal/new",
    ...(ids?.entry ? [`/journal/${ids.entry}`] : []),
    "/contacts",
    "/contacts/new",
    ...(ids?.contact ? [`/contacts/${ids.contact}`] : []),
    "/drafts",
    "/drafts/new",
    "/buddies",
    "/buddies/new",
    "/buddies/inbox",
    ...(ids?.link ? [`/buddies/${ids.link}/edit`, `/buddies/${ids.link}/preview`] : []),
    "/settings",
    "/settings/reminders",
    "/moving-on",
  ];
}

/** The pages anyone can open, for the development server's browser run. */
const PUBLIC_PATHS = ["/", "/sign-in", "/sign-up", "/forgot", "/privacy", "/contact"];

/** Cookies for `count` (up to 10,000) people chosen at random among `people`. */
async function peopleFor(people: number, count = Math.min(people, 10_000)): Promise<Person[]> {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(1 + Math.floor(Math.random() * people));
  return Promise.all(
    [...chosen].map(async (i) => ({ i, cookie: await sessionCookie(benchSessionId(i), SECRET) })),
  );
}

async function main() {
  // server/env.ts reads these once, when the app's modules first ask.
  process.env.AUTH_SECRET = SECRET;
  process.env.LOG_LEVEL = "warn";
  const started = new Date();
  const report: BenchReport = {
    date: started.toISOString(),
    options: { ...o, report: reportPath },
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "?",
      memoryGb: os.totalmem() / 1024 ** 3,
      loadAtStart: os.loadavg(),
      loadAtEnd: null,
    },
    versions: {
      node: process.version,
      next: version("next"),
      react: version("react"),
      "next-auth": version("next-auth"),
      "@trpc/server": version("@trpc/server"),
      "drizzle-orm": version("drizzle-orm"),
      postgres: version("postgres"),
      pglite: version("@electric-sql/pglite"),
      autocannon: version("autocannon"),
      lighthouse: version("lighthouse"),
      [path.basename(o.chromium)]: browserVersion(o.chromium),
    },
    runs: [],
    notes: [],
  };
  log(
    `Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} on ${report.machine.cores} cores`,
  );

  if (o.skipBuild && hasBuild(o.buildDir)) {
    log(`Build: reusing ${o.buildDir}`);
  } else {
    log("Build: copying the project and building it with the baseline route …");
    report.buildSeconds = buildCopy(ROOT, o.buildDir, log, { readableServer: !!o.cpuProf });
  }

  const pg = await benchPostgres(o.pgPort);
  report.postgres = {
    description: pg.description,
    version: pg.version,
    statStatements: pg.statStatements,
  };
  log(`PostgreSQL ${pg.version}: ${pg.description}`);
  const servers: StartedServer[] = [];
  const serve = async (
    port: number,
    env: Record<string, string | undefined>,
    script = "dist/serve.js",
    nodeArgs: string[] = [],
  ) => {
    const s = await startServer({
      cwd: o.buildDir,
      script,
      port,
      nodeArgs,
      logFile: path.join(o.buildDir, "bench-server.log"),
      env: {
        NODE_ENV: "production",
        AUTH_SECRET: SECRET,
        // The bench sends no mail; production refuses to start without saying so.
        MAIL_OFF: "true",
        LOG_LEVEL: "warn",
        TRUST_PROXY_HOPS: "1",
        DATABASE_POOL_MAX: "10",
        ...env,
      },
    });
    servers.push(s);
    return s;
  };
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  };

  try {
    const { postgresDatabase } = await import("@/db/client");
    const { migrateDatabase } = await import("@/db/migrate");
    const seeded = async (name: string, people: number) => {
      const url = await pg.freshDatabase(name);
      const database = postgresDatabase(url, 2);
      await migrateDatabase(database, url);
      await database.close();
      // Its own client: the seed sends arrays, which the app's client is not set up for
      // (db/client.ts skips postgres.js's array-type lookup).
      const sql = postgres(url, { max: 2, onnotice: () => {} });
      const t = performance.now();
      await seedPeople(
        (text, params) => sql.unsafe(text, (params ?? []) as never[]),
        people,
        (what, ms) => log(`  ${what}: ${(ms / 1000).toFixed(1)} s`),
      );
      const seconds = (performance.now() - t) / 1000;
      const [counted] = await sql<{ rows: number }[]>`
        select (select count(*) from check_ins) + (select count(*) from journal_entries)
          + (select count(*) from contacts) + (select count(*) from task_completions)
          + (select count(*) from step_progress) as rows`;
      const rows = Number(counted?.rows ?? 0);
      // A live database has been vacuumed and analysed: hint bits set, the visibility map
      // and statistics up to date. Without this, the first reads after a bulk load rewrite
      // pages and the bigger database is measured while autovacuum works through it.
      const v = performance.now();
      await sql.unsafe("vacuum (analyze)");
      await sql.unsafe("checkpoint").catch(() => undefined); // needs a superuser
      log(`  vacuum (analyze) and checkpoint: ${((performance.now() - v) / 1000).toFixed(1)} s`);
      await sql.end();
      report.seeding = [...(report.seeding ?? []), { name, people, seconds, rows: Number(rows) }];
      log(
        `  seeded ${people} people in ${seconds.toFixed(1)} s (${Number(rows).toLocaleString("en")} activity rows)`,
      );
      return url;
    };

    // ─── The main runs, on --users people ───────────────────────────────────────────
    log(`Seeding ${o.users} people …`);
    const url = await seeded("rekindle_bench", o.users);
    const people = await peopleFor(o.users);
    const profile = o.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(o.cpuProf)}`] : [];
    const app = await serve(o.port, { DATABASE_URL: url }, undefined, [...profile, ...o.nodeArgs]);
    const bare = await serve(
      o.port + 1,
      { DATABASE_URL: url },
      "scripts/bench/bare-server.ts",
      o.nodeArgs,
    );

    // The baselines must answer exactly what the procedure answers.
    for (const person of people.slice(0, 3)) {
      const get = async (u: string) => {
        const res = await fetch(u, { headers: { ...LANGUAGE, cookie: person.cookie } });
        const text = await res.text();
        if (res.status !== 200)
          throw new Error(`${u} answered ${res.status}: ${text.slice(0, 300)}`);
        return (JSON.parse(text) as { result: { data: { json: unknown } } }).result.data.json;
      };
      const viaTrpc = JSON.stringify(await get(`${app.origin}/api/trpc/dashboard.get`));
      const viaRoute = JSON.stringify(await get(`${app.origin}/api/bench-baseline/dashboard`));
      const viaBare = JSON.stringify(await get(`${bare.origin}/api/bench-baseline/dashboard`));
      if (viaTrpc !== viaRoute || viaTrpc !== viaBare) {
        // Reported rather than fatal: with --skip-build the copy's baselines can be older
        // than the app's dashboard, and the page runs are still worth having.
        const note = `The baselines' dashboard differs from the procedure's (person ${person.i}${viaTrpc === viaBare ? ", the route handler only" : ""}): the dashboard-data comparison is not like for like in this run.`;
        if (!report.notes.includes(note)) report.notes.push(note);
      }
    }
    log(report.notes.at(-1) ?? "Baselines answer the same JSON as dashboard.get.");

    // The page baseline pads itself to /home's size: asked once, corrected once.
    const first0 = people[0] as Person;
    const htmlBytes = async (u: string) => {
      const res = await fetch(u, { headers: { ...LANGUAGE, cookie: first0.cookie } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${u} answered ${res.status}`);
      return Buffer.byteLength(text);
    };
    const homeBytes = await htmlBytes(`${app.origin}/home`);
    // A line of padding is sent twice (in the HTML and in React's payload for it), so the
    // page grows faster than asked: measured unpadded and padded, the size is solved for.
    const unpadded = await htmlBytes(`${app.origin}/bench-baseline/home?bytes=0`);
    const padded = await htmlBytes(`${app.origin}/bench-baseline/home?bytes=${homeBytes}`);
    const perByte = (padded - unpadded) / homeBytes;
    const padTo = perByte > 0 ? Math.max(0, Math.round((homeBytes - unpadded) / perByte)) : 0;
    const baselineBytes = await htmlBytes(`${app.origin}/bench-baseline/home?bytes=${padTo}`);
    setBaselinePage(`/bench-baseline/home?bytes=${padTo}`);
    report.pageSizes = { homeKb: homeBytes / 1024, baselineKb: baselineBytes / 1024 };
    log(
      `Page baseline: ${(baselineBytes / 1024).toFixed(1)} kB of HTML against /home's ${(homeBytes / 1024).toFixed(1)} kB.`,
    );

    const statsSql = pg.statStatements ? postgres(url, { max: 1, onnotice: () => {} }) : null;
    type Run = Parameters<typeof drive>[0];
    const measureOnce = async (run: Run): Promise<RunResult> => {
      if (statsSql) await statsSql`select pg_stat_statements_reset()`;
      const result = await drive(run);
      if (statsSql) {
        const [stats] = await statsSql<{ calls: number }[]>`
          select coalesce(sum(calls), 0)::float8 as calls from pg_stat_statements s
          join pg_database d on d.oid = s.dbid
          where d.datname = current_database() and s.query not like '%pg_stat_statements%'`;
        result.serverStatements =
          result.requests > 0 ? Number(stats?.calls ?? 0) / result.requests : null;
      }
      return result;
    };
    const record = (result: RunResult) => {
      report.runs.push(result);
      log(
        `  ${result.name.padEnd(34)} ${result.target.padEnd(15)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  cpu ${result.cpuMs?.toFixed(2) ?? "?"} ms/req${result.serverStatements ? `  ${result.serverStatements.toFixed(1)} stmts/req` : ""}`,
      );
    };
    const measure = async (run: Run): Promise<RunResult | null> => {
      if (o.only && !o.only.includes(run.scenario)) return null;
      const result = await measureOnce(run);
      record(result);
      return result;
    };
    /**
     * Two runs a budget compares, measured in halves A B B A: this machine's speed drifts
     * by more than the budgets' room between runs a minute apart (/home came out at 2.2 ×
     * its baseline shared and 1.07 × pinned in one run), and the order spreads a drift
     * over both alike.
     */
    const halvesAbba = async (
      a: Run,
      b: Run,
      once: (run: Run) => Promise<RunResult> = measureOnce,
    ): Promise<[RunResult, RunResult]> => {
      const half = (run: Run, warm: boolean) => ({
        ...run,
        seconds: run.seconds / 2,
        warmup: warm ? run.warmup : 0,
      });
      const a1 = await once(half(a, true));
      const b1 = await once(half(b, true));
      const b2 = await once(half(b, false));
      const a2 = await once(half(a, false));
      return [joinHalves(a1, a2), joinHalves(b1, b2)];
    };
    const measurePair = async (a: Run, b: Run) => {
      if (o.only && !o.only.includes(a.scenario) && !o.only.includes(b.scenario)) return;
      for (const joined of await halvesAbba(a, b)) record(joined);
    };
    const common = { people, connections: o.connections, seconds: o.duration, warmup: o.warmup };
    // A person's first request to a server opens their session cookie (Auth.js's decryption,
    // a few async crypto steps), which the server then keeps (server/auth/cookie.ts). Each
    // person's first request is measured here, so the runs below measure the steady state a
    // running server is in: with a short warm-up, a run of 10,000 people would otherwise be
    // about a tenth first visits, and those were the pinned p99.
    const firstVisits = (server: { origin: string; pid: number; people?: Run["people"] }): Run => ({
      ...common,
      name: "dashboard data, first visit",
      scenario: "dashboard-data",
      target: "Rekindle",
      ...server,
      warmup: 0,
      amount: (server.people ?? people).length,
      inTurn: true,
    });
    const signedIn = ["dashboard-data", "dashboard-page", "journal-create", "buddy-page"];
    if (!o.only || o.only.some((s) => signedIn.includes(s))) {
      record(await measureOnce(firstVisits({ origin: app.origin, pid: app.pid })));
    }
    log(
      `Measuring: ${o.connections} connections, ${o.warmup} s warm-up, ${o.duration} s measured …`,
    );
    // The buddy page's budget is against the dashboard data request: measured as a pair.
    await measurePair(
      {
        ...common,
        name: "dashboard data",
        scenario: "dashboard-data",
        target: "Rekindle",
        origin: app.origin,
        pid: app.pid,
      },
      {
        ...common,
        name: "buddy page (/b/<token>)",
        scenario: "buddy-page",
        target: "Rekindle",
        origin: app.origin,
        pid: app.pid,
      },
    );
    await measure({
      ...common,
      name: "dashboard data",
      scenario: "baseline-dashboard",
      target: "route handler",
      origin: app.origin,
      pid: app.pid,
    });
    await measure({
      ...common,
      name: "dashboard data",
      scenario: "baseline-dashboard",
      target: "bare node:http",
      origin: bare.origin,
      pid: bare.pid,
    });
    await measure({
      ...common,
      name: "journal create",
      scenario: "journal-create",
      target: "Rekindle",
      origin: app.origin,
      pid: app.pid,
    });
    await measure({
      ...common,
      name: "journal create",
      scenario: "baseline-journal",
      target: "route handler",
      origin: app.origin,
      pid: app.pid,
    });
    await measure({
      ...common,
      name: "journal create",
      scenario: "baseline-journal",
      target: "bare node:http",
      origin: bare.origin,
      pid: bare.pid,
    });
    await measurePair(
      {
        ...common,
        name: "dashboard page (/home)",
        scenario: "dashboard-page",
        target: "Rekindle",
        origin: app.origin,
        pid: app.pid,
      },
      {
        ...common,
        name: "dashboard page (/home)",
        scenario: "baseline-page",
        target: "page baseline",
        origin: app.origin,
        pid: app.pid,
      },
    );
    await measure({
      ...common,
      name: "sign-in (argon2id)",
      scenario: "sign-in",
      target: "Rekindle",
      origin: app.origin,
      pid: app.pid,
    });

    // Pinned: the server alone on CPU 0; autocannon (this process) and PostgreSQL on CPU 1,
    // so the server's latency is its own and not a wait for a core.
    const lastCpu = Math.max(1, os.cpus().length - 1);
    const allCpus = `0-${lastCpu}`;
    const pgPids = pg.pids?.() ?? [];
    if (
      pgPids.length > 0 &&
      pin("0", [app.pid, bare.pid]) &&
      pin(`1-${lastCpu}`, [process.pid, ...pgPids])
    ) {
      log(
        "Pinned: Rekindle (then the bare server) on CPU 0; autocannon and PostgreSQL on the other.",
      );
      report.pinned = true;
      const pinned = { ...common, origin: app.origin, pid: app.pid };
      await measure({
        ...pinned,
        name: "dashboard data",
        scenario: "dashboard-data",
        target: "Rekindle (pinned)",
      });
      // The floor for that p99: the same SQL on node:http alone, pinned the same way.
      await measure({
        ...pinned,
        name: "dashboard data",
        scenario: "baseline-dashboard",
        target: "bare node:http (pinned)",
        origin: bare.origin,
        pid: bare.pid,
      });
      await measurePair(
        {
          ...pinned,
          name: "dashboard page (/home)",
          scenario: "dashboard-page",
          target: "Rekindle (pinned)",
        },
        {
          ...pinned,
          name: "dashboard page (/home)",
          scenario: "baseline-page",
          target: "page baseline (pinned)",
        },
      );
      pin(allCpus, [app.pid, bare.pid, process.pid, ...(pg.pids?.() ?? [])]);
    } else {
      report.notes.push("Not pinned: taskset or the cluster's process ids were not available.");
    }

    // Statements per signed-in page, as PostgreSQL counted them for one request (after one
    // unmeasured request, so a session touch or a first connection is not counted).
    if (statsSql) {
      log("Statements per signed-in page …");
      const [ids] = await statsSql<
        { entry: string | null; contact: string | null; link: string | null }[]
      >`select
          (select id from journal_entries where user_id = u.id limit 1) as entry,
          (select id from contacts where user_id = u.id limit 1) as contact,
          (select id from buddy_links where user_id = u.id limit 1) as link
        from users u where u.email = ${benchEmail(first0.i)}`;
      const paths = signedInPaths(ids);
      report.pageStatements = [];
      const countOne = async (path: string, headers: Record<string, string>, skip?: string) => {
        await fetch(`${app.origin}${path}`, { headers, redirect: "manual" });
        await statsSql`select pg_stat_statements_reset()`;
        const res = await fetch(`${app.origin}${path}`, { headers, redirect: "manual" });
        await res.arrayBuffer();
        const [row] = await statsSql<{ calls: number }[]>`
          select coalesce(sum(calls), 0)::float8 as calls from pg_stat_statements s
          join pg_database d on d.oid = s.dbid
          where d.datname = current_database() and s.query not like '%pg_stat_statements%'
            and (${skip ?? ""} = '' or s.query not like ${`%${skip ?? ""}%`})`;
        return { path, status: res.status, count: Number(row?.calls ?? 0) };
      };
      for (const path of paths) {
        report.pageStatements.push(await countOne(path, { ...LANGUAGE, cookie: first0.cookie }));
      }
      // The buddy page's own reads; the per-address limit's counter is rate-limiter-flexible's.
      report.pageStatements.push({
        ...(await countOne(
          `/b/${benchBuddyToken(first0.i)}`,
          { "x-forwarded-for": "10.9.8.7" },
          "rate_limits",
        )),
        path: "/b/<token>",
      });
      for (const x of report.pageStatements) log(`  ${x.path}: ${x.count} (${x.status})`);
    }
    await statsSql?.end();
    report.memory = { postgresMb: residentMb(app.pid) };
    await bare.stop();

    log("Counting statements per request …");
    const { countStatements, explainStatements } = await import("./statements");
    const first = people[0] as Person;
    const counted = await countStatements({
      url,
      cookie: first.cookie,
      sessionId: benchSessionId(first.i),
      buddyToken: benchBuddyToken(first.i),
      origin: app.origin,
    });
    report.statements = counted.map((c) => ({
      name: c.name,
      count: c.statements.length,
      note: c.note,
      texts: c.statements.map((s) => s.text),
    }));
    for (const c of report.statements) log(`  ${c.name}: ${c.count}`);
    const { baselineStatementTexts } = await import("./baseline");
    const mirrored = new Set(baselineStatementTexts());
    const unmirrored = counted
      .filter((c) => /^(dashboard data|journal create)/.test(c.name))
      .flatMap((c) => c.statements.map((s) => s.text.trim()))
      .filter((text) => !/^(begin|commit)$/i.test(text) && !mirrored.has(text));
    if (unmirrored.length > 0) {
      const note = `The baselines do not send ${unmirrored.length} of the statements Rekindle sent, so the comparison is not like for like; update scripts/bench/baseline.ts: ${unmirrored.map((t) => `\`${t.slice(0, 120)}…\``).join("; ")}`;
      report.notes.push(note);
      log(`  ${note}`);
    } else {
      log("  The baselines send the same statement texts as Rekindle.");
    }

    log("First-load JavaScript per route …");
    report.firstLoadJs = firstLoadJs(o.buildDir);
    const buddyUrl = `${app.origin}/b/${benchBuddyToken(first.i)}`;
    const buddy = await buddyPageWithoutJs(buddyUrl, `Bench ${first.i}`);
    report.buddyNoJs = buddy;
    // The buddy page is not in the App Router's manifests: its row is what it served.
    if (!report.firstLoadJs.some((x) => x.route === "/b/[token]")) {
      report.firstLoadJs.push({
        route: "/b/[token]",
        files: buddy.jsFiles,
        gzipKb: buddy.jsGzipKb,
        signedIn: false,
        formLibraryKb: 0,
      });
      report.firstLoadJs.sort((a, b) => a.route.localeCompare(b.route));
    }

    if (!o.skipLighthouse) {
      log("Lighthouse (mobile) …");
      report.lighthouse = [];
      report.lighthouseBrowser = o.chromium;
      const pages: [string, string, string | undefined, boolean, string?][] = [
        ["/", `${app.origin}/`, undefined, false],
        ["/home", `${app.origin}/home`, first.cookie, false],
        ["/plan/1", `${app.origin}/plan/1`, first.cookie, false],
        ["/journal/new", `${app.origin}/journal/new`, first.cookie, false],
        ["/b/<token>", buddyUrl, undefined, false],
        // The floors, scored the same way in the same minutes: what any page of this build
        // scores (the empty page) and what /home's data scores as plain server markup.
        ["empty page", `${app.origin}${EMPTY_ROUTE}`, undefined, true],
        ["page baseline", `${app.origin}${baselinePagePath()}`, first.cookie, true],
      ];
      if (o.chromium !== FULL_CHROMIUM && existsSync(FULL_CHROMIUM)) {
        pages.push([
          FULL_EMPTY_PAGE,
          `${app.origin}${EMPTY_ROUTE}`,
          undefined,
          true,
          FULL_CHROMIUM,
        ]);
      }
      // Three runs of each, and the one with the median score: on this shared machine one
      // run's blocking time swings by a few hundred ms. The rounds go page by page, so a
      // machine that slows down for a few minutes slows one run of every page, not all three
      // runs of one. A run that fails (once in a while the first after the server started,
      // NO_NAVSTART) is tried twice more.
      const runs = new Map<string, (LighthouseResult & { quiet: Quiet })[]>();
      for (let k = 0; k < 3; k++) {
        for (const [page, u, cookie, , browser = o.chromium] of pages) {
          const quiet = await untilQuiet();
          // Lighthouse's own reports stay beside the build: lighthouse/<page>-<round>.json.
          const name = page.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "landing";
          const keepAs = path.join(o.buildDir, "lighthouse", `${name}-${k + 1}.json`);
          const once = () =>
            lighthouse({ cwd: o.buildDir, url: u, page, cookie, chromium: browser, keepAs });
          let one = await once();
          for (let retry = 0; retry < 2 && one.error; retry++) one = await once();
          runs.set(page, [...(runs.get(page) ?? []), { ...one, quiet }]);
        }
      }
      for (const [page, , , baseline] of pages) {
        const all = runs.get(page) ?? [];
        const scored = all.filter((x) => x.performance !== null);
        scored.sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
        const r = scored[Math.floor(scored.length / 2)] ?? (all[0] as (typeof all)[number]);
        r.runs = all.map((x) => x.performance);
        if (baseline) r.baseline = true;
        report.lighthouse.push(r);
        log(
          `  ${page}: performance ${r.performance}, accessibility ${r.accessibility}, ${r.transferKb?.toFixed(1)} kB${r.error ? ` (${r.error})` : ""}`,
        );
      }
    }

    if (o.processes > 1 && (!o.only || o.only.includes("processes"))) {
      log(`${o.processes} Rekindle processes on one machine …`);
      const more: { origin: string; pid: number }[] = [{ origin: app.origin, pid: app.pid }];
      for (let k = 1; k < o.processes; k++) {
        const s = await serve(o.port + 1 + k, { DATABASE_URL: url });
        more.push({ origin: s.origin, pid: s.pid });
        // Each person once, as the main server had at the start: steady state on both sides.
        await drive(firstVisits({ origin: s.origin, pid: s.pid }));
      }
      const r = await driveSpread({
        ...common,
        name: "dashboard data",
        scenario: "dashboard-data",
        target: `${o.processes} processes`,
        servers: more,
      });
      report.runs.push(r);
      log(`  ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`);
    }
    await stopAll();

    // ─── Scale: EXPLAIN at --scale people, latency against --small people ───────────
    if (o.scale > 0) {
      log(`Scale check: ${o.small} and ${o.scale} people …`);
      report.scale = { small: o.small, large: o.scale, runs: [], plans: [] };
      const sides: { n: number; url: string; run: Run }[] = [];
      for (const [name, n] of [
        ["rekindle_bench_small", o.small],
        ["rekindle_bench_scale", o.scale],
      ] as const) {
        const url = await seeded(name, n);
        const s = await serve(o.port + sides.length, { DATABASE_URL: url });
        const run: Run = {
          ...common,
          // As many different people on both sides, so only the size of the database differs
          // (not, say, how often a session cookie was opened before).
          people: await peopleFor(n, Math.min(o.small, 10_000)),
          name: `dashboard data, ${n} people`,
          scenario: "dashboard-data",
          target: "Rekindle",
          origin: s.origin,
          pid: s.pid,
        };
        await drive(firstVisits({ origin: s.origin, pid: s.pid, people: run.people }));
        sides.push({ n, url, run });
      }
      const [small, large] = sides as [(typeof sides)[0], (typeof sides)[0]];
      // What PostgreSQL did for each statement at each size, from here on.
      const stats = pg.statStatements ? postgres(small.url, { max: 1, onnotice: () => {} }) : null;
      if (stats) await stats`select pg_stat_statements_reset()`;
      // Both servers run side by side and are measured in halves, small large large small:
      // two runs minutes apart once differed by 1.3 × in server CPU a request alone.
      const joined = await halvesAbba(small.run, large.run, drive);
      if (stats) {
        report.scale.statements = await stats<ScaleStatement[]>`
          select d.datname as database, s.query as text, s.calls::float8 as calls,
            s.mean_exec_time::float8 as "meanMs",
            (s.shared_blks_hit::float8 / greatest(s.calls, 1)) as "hitPerCall",
            (s.shared_blks_read::float8 / greatest(s.calls, 1)) as "readPerCall"
          from pg_stat_statements s join pg_database d on d.oid = s.dbid
          where d.datname in ('rekindle_bench_small', 'rekindle_bench_scale')
            and s.calls >= 100
          order by s.total_exec_time desc limit 12`;
        await stats.end();
      }
      for (const [side, r] of [
        [small, joined[0]],
        [large, joined[1]],
      ] as const) {
        report.scale.runs.push({ people: side.n, ...r });
        log(
          `  ${side.n} people: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, cpu ${r.cpuMs?.toFixed(2) ?? "?"} ms/req`,
        );
      }
      await stopAll();
      const u = large.url;
      // The statements seen above, with person 1's values (they exist at every size).
      const hot = await countStatements({
        url: u,
        cookie: await sessionCookie(benchSessionId(1), SECRET),
        sessionId: benchSessionId(1),
        buddyToken: benchBuddyToken(1),
        origin: app.origin,
      });
      report.scale.plans = await explainStatements(
        u,
        hot.flatMap((h) => h.statements),
      );
      const full = report.scale.plans.filter((p) => p.fullScan).length;
      log(`  EXPLAIN: ${report.scale.plans.length} statements, ${full} scanning a whole big table`);
    }
  } finally {
    await stopAll();
    await pg.stop().catch((e: unknown) => log(`Could not stop PostgreSQL: ${String(e)}`));
  }

  // ─── The embedded database: memory after 1,000 requests ─────────────────────────────
  if (!o.skipPglite) {
    log("Embedded database (PGlite): 1,000 requests …");
    const dir = mkdtempSync(path.join(os.tmpdir(), "rekindle-bench-pglite-"));
    try {
      const { openPglite } = await import("@/db/client");
      const n = Math.min(o.users, 1_000);
      const database = await openPglite(path.join(dir, "pglite"));
      const client = (
        database.db as unknown as { $client: { query(t: string, p?: unknown[]): Promise<unknown> } }
      ).$client;
      await seedPeople((text, params) => client.query(text, params ?? []), n);
      await database.close();
      const s = await serve(o.port, {
        DATABASE_URL: undefined,
        PGLITE_DATA_DIR: path.join(dir, "pglite"),
      });
      const idle = residentMb(s.pid);
      const r = await drive({
        people: await peopleFor(n),
        connections: 10,
        seconds: 0,
        warmup: 0,
        amount: 1_000,
        name: "dashboard data, 1,000 requests",
        scenario: "dashboard-data",
        target: "Rekindle (PGlite)",
        origin: s.origin,
        pid: s.pid,
      });
      report.pglite = { idleMb: idle, afterMb: residentMb(s.pid), run: r };
      log(
        `  resident ${idle.toFixed(0)} MB at start, ${report.pglite.afterMb.toFixed(0)} MB after (${r.errors} errors)`,
      );
      await stopAll();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // ─── The development server: memory after a browser opened every page ──────────────
  if (!o.skipDev) {
    log("Development server: Chromium opens every page …");
    const dir = mkdtempSync(path.join(os.tmpdir(), "rekindle-bench-dev-"));
    try {
      const { openPglite } = await import("@/db/client");
      const database = await openPglite(path.join(dir, "pglite"));
      const client = (
        database.db as unknown as {
          $client: { query<T>(t: string, p?: unknown[]): Promise<{ rows: T[] }> };
        }
      ).$client;
      await seedPeople((text, params) => client.query(text, params ?? []), 10);
      const { rows } = await client.query<{
        entry: string | null;
        contact: string | null;
        link: string | null;
      }>(
        `select (select id from journal_entries where user_id = u.id limit 1) as entry,
           (select id from contacts where user_id = u.id limit 1) as contact,
           (select id from buddy_links where user_id = u.id limit 1) as link
         from users u where u.email = $1`,
        [benchEmail(1)],
      );
      await database.close();
      const paths = signedInPaths(rows[0]);
      report.devServer = await devServerMemory({
        cwd: o.buildDir,
        port: o.port,
        env: {
          AUTH_SECRET: SECRET,
          DATABASE_URL: undefined,
          PGLITE_DATA_DIR: path.join(dir, "pglite"),
          MAIL_OFF: "true",
          LOG_LEVEL: "warn",
        },
        cookie: await sessionCookie(benchSessionId(1), SECRET),
        publicPaths: PUBLIC_PATHS,
        paths,
        chromium: o.chromium,
        logFile: path.join(o.buildDir, "bench-dev-server.log"),
      });
      const d = report.devServer;
      log(
        `  ${d.pages} pages in ${d.seconds.toFixed(0)} s: ${d.startMb.toFixed(0)} MB at start, ${d.afterMb.toFixed(0)} MB after, peak ${d.peakMb.toFixed(0)} MB${d.failed.length ? `; failed: ${d.failed.join(", ")}` : ""}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  report.machine.loadAtEnd = os.loadavg();
  mkdirSync(path.dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, writeReport(report));
  const raw = path.join(o.buildDir, "bench-results.json");
  writeFileSync(raw, `${JSON.stringify(report, null, 2)}\n`);
  log(`Report: ${reportPath} (raw figures: ${raw})`);
  if (o.cpuProf) {
    log(`CPU profile in ${o.cpuProf}: npx tsx scripts/bench/profile-summary.ts <file> <requests>`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
