/**
 * One measured run: autocannon against a server for a fixed time after a warm-up, each
 * request from a randomly chosen signed-in person, with the server's CPU time per request.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import superjson from "superjson";
import { BENCH_PASSWORD, benchBuddyToken, benchEmail } from "./seed";
import { cpuMillis } from "./shared";

export interface Person {
  i: number;
  cookie: string;
}

export interface RunResult {
  name: string;
  target: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors, timeouts and answers other than the expected status. */
  errors: number;
  statuses: Record<string, number>;
  /** Server CPU (user + system) per request, in ms; null when the server was not ours. */
  cpuMs: number | null;
  /** Statements PostgreSQL ran per request during the run (pg_stat_statements), if known. */
  serverStatements?: number | null;
}

export type Scenario =
  | "dashboard-data"
  | "dashboard-page"
  | "journal-create"
  | "buddy-page"
  | "sign-in"
  | "baseline-dashboard"
  | "baseline-journal"
  | "baseline-page";

/**
 * Every signed-in request speaks British English, so "auto" weeks start on Monday, as the
 * baselines' (scripts/bench/baseline.ts) always do: the answers compared stay the same.
 */
export const LANGUAGE = { "accept-language": "en-GB" };

/** The page baseline's address, with the size it pads to (set once /home was measured). */
let baselinePage = "/bench-baseline/home";
export const setBaselinePage = (path: string) => {
  baselinePage = path;
};
export const baselinePagePath = () => baselinePage;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const randomAddress = () =>
  `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** The request a scenario sends, for `person`. */
function requestFor(scenario: Scenario, person: Person, origin: string) {
  const json = { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" };
  const entry = () =>
    JSON.stringify(
      superjson.serialize({ idempotencyKey: randomUUID(), mood: 4, body: `bench ${randomUUID()}` }),
    );
  switch (scenario) {
    case "dashboard-data":
      return {
        method: "GET",
        path: "/api/trpc/dashboard.get",
        headers: { ...LANGUAGE, cookie: person.cookie },
      };
    case "baseline-dashboard":
      return {
        method: "GET",
        path: "/api/bench-baseline/dashboard",
        headers: { ...LANGUAGE, cookie: person.cookie },
      };
    case "dashboard-page":
      return { method: "GET", path: "/home", headers: { ...LANGUAGE, cookie: person.cookie } };
    case "baseline-page":
      return { method: "GET", path: baselinePage, headers: { ...LANGUAGE, cookie: person.cookie } };
    case "journal-create":
      return {
        method: "POST",
        path: "/api/trpc/journal.create",
        headers: { ...json, ...LANGUAGE, cookie: person.cookie },
        body: entry(),
      };
    case "baseline-journal":
      return {
        method: "POST",
        path: "/api/bench-baseline/journal",
        headers: { ...json, ...LANGUAGE, cookie: person.cookie },
        body: entry(),
      };
    case "buddy-page":
      // Each buddy from an address of their own, as through a load balancer
      // (TRUST_PROXY_HOPS=1): the per-address limit is not what is measured.
      return {
        method: "GET",
        path: `/b/${benchBuddyToken(person.i)}`,
        headers: { "x-forwarded-for": randomAddress() },
      };
    case "sign-in":
      return {
        method: "POST",
        path: "/sign-in/submit",
        headers: { ...json, "x-forwarded-for": randomAddress() },
        body: JSON.stringify({ email: benchEmail(person.i), password: BENCH_PASSWORD }),
      };
  }
}

/** Runs `scenario` for `warmup` seconds unmeasured, then `seconds` measured. */
export async function drive(opts: {
  name: string;
  scenario: Scenario;
  origin: string;
  /** What answered, for the report ("Rekindle", "route handler", "bare node:http"). */
  target: string;
  pid?: number;
  people: readonly Person[];
  connections: number;
  seconds: number;
  warmup: number;
  /** Instead of a time: this many requests (the embedded database's memory check). */
  amount?: number;
  /** Each person in turn rather than one at random (with `amount`: each person once). */
  inTurn?: boolean;
}): Promise<RunResult> {
  let turn = 0;
  const next = () =>
    opts.inTurn ? (opts.people[turn++ % opts.people.length] as Person) : pick(opts.people);
  const once = (seconds: number, statuses: Map<number, number>, amount?: number) =>
    autocannon({
      url: opts.origin,
      connections: opts.connections,
      ...(amount ? { amount } : { duration: seconds }),
      timeout: 30,
      requests: [
        {
          setupRequest: (req) =>
            ({ ...req, ...requestFor(opts.scenario, next(), opts.origin) }) as typeof req,
          onResponse: (status) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          },
        },
      ],
    });
  if (opts.warmup > 0) await once(opts.warmup, new Map());
  const statuses = new Map<number, number>();
  const cpuBefore = opts.pid ? cpuMillis(opts.pid) : 0;
  const result = await once(opts.seconds, statuses, opts.amount);
  const cpu = opts.pid ? cpuMillis(opts.pid) - cpuBefore : null;
  const requests = result.requests.total;
  const bad = [...statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
  return {
    name: opts.name,
    target: opts.target,
    connections: opts.connections,
    seconds: result.duration,
    requests,
    rps: requests / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    // No answer at all within the run (every request slower than it) counts as a failure
    // of each connection, so the report cannot show it as a clean zero.
    errors: result.errors + result.timeouts + bad + (requests === 0 ? opts.connections : 0),
    statuses: Object.fromEntries(statuses),
    cpuMs: cpu === null || requests === 0 ? null : cpu / requests,
  };
}

/**
 * Two halves of one run as one: requests, CPU and statements add up exactly; p50 is the
 * halves' mean and p99 the larger of the two (autocannon keeps no histogram to merge).
 */
export function joinHalves(x: RunResult, y: RunResult): RunResult {
  const requests = x.requests + y.requests;
  const seconds = x.seconds + y.seconds;
  const weighted = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined || requests === 0
      ? null
      : (a * x.requests + b * y.requests) / requests;
  const statuses = { ...x.statuses };
  for (const [status, n] of Object.entries(y.statuses))
    statuses[status] = (statuses[status] ?? 0) + n;
  return {
    ...x,
    seconds,
    requests,
    rps: requests / Math.max(seconds, 0.001),
    p50: Math.round((x.p50 + y.p50) / 2),
    p99: Math.max(x.p99, y.p99),
    errors: x.errors + y.errors,
    statuses,
    cpuMs: weighted(x.cpuMs, y.cpuMs),
    serverStatements: weighted(x.serverStatements, y.serverStatements),
  };
}

/** The same scenario on several servers at once, `connections` split among them. */
export async function driveSpread(
  opts: Omit<Parameters<typeof drive>[0], "origin" | "pid"> & {
    servers: { origin: string; pid: number }[];
  },
): Promise<RunResult> {
  const share = Math.max(1, Math.round(opts.connections / opts.servers.length));
  const results = await Promise.all(
    opts.servers.map((s) => drive({ ...opts, origin: s.origin, pid: s.pid, connections: share })),
  );
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const statuses: Record<string, number> = {};
  for (const r of results)
    for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const cpu = results.reduce((n, r) => n + (r.cpuMs ?? 0) * r.requests, 0);
  return {
    name: opts.name,
    target: opts.target,
    connections: share * opts.servers.length,
    seconds: Math.max(...results.map((r) => r.seconds)),
    requests,
    rps: results.reduce((n, r) => n + r.rps, 0),
    // Percentiles do not add up; the worse instance's are shown.
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((n, r) => n + r.errors, 0),
    statuses,
    cpuMs: requests === 0 ? null : cpu / requests,
  };
}
