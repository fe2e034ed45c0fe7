/**
 * SQL statements per request, counted in-process through the app's own code paths (the
 * tRPC HTTP handler, the server-side caller, the buddy page's services) on a `postgres`
 * client whose debug hook sees every statement sent. The statements seen are also the
 * "hot queries" that EXPLAIN checks at the scale size.
 *
 * Imported only after the benchmark has set AUTH_SECRET and friends (server/env.ts reads
 * them once).
 */
import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import superjson from "superjson";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { validateSession } from "@/server/auth/sessions";
import { openedView, openLink } from "@/server/services/buddies";
import { handleTrpcRequest } from "@/server/trpc/http";
import { contextFor } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export interface Seen {
  text: string;
  params: unknown[];
}

export interface RequestStatements {
  name: string;
  statements: Seen[];
  /** What the count leaves out, if anything. */
  note?: string;
}

/** A Db whose every statement is recorded while `recording` is set. */
function recordingDb(url: string) {
  let recording: Seen[] | null = null;
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    debug: (_conn, text, params) => {
      recording?.push({ text, params: [...(params as unknown[])] });
    },
  });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    async record(run: () => Promise<unknown>): Promise<Seen[]> {
      const seen: Seen[] = [];
      recording = seen;
      try {
        await run();
      } finally {
        recording = null;
      }
      return seen;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Each request the benchmark measures, as one signed-in person, statement by statement. */
export async function countStatements(opts: {
  url: string;
  cookie: string;
  sessionId: string;
  buddyToken: string;
  origin: string;
}): Promise<RequestStatements[]> {
  const r = recordingDb(opts.url);
  const { db } = r;
  const getDb = async () => db;
  const call = async (req: Request) => {
    const res = await handleTrpcRequest(req, getDb);
    if (res.status !== 200) throw new Error(`${req.url} answered ${res.status}`);
  };
  try {
    // Once unrecorded, so a first-request session touch is not counted.
    await call(
      new Request(`${opts.origin}/api/trpc/dashboard.get`, { headers: { cookie: opts.cookie } }),
    );
    const dashboard = await r.record(() =>
      call(
        new Request(`${opts.origin}/api/trpc/dashboard.get`, {
          headers: { cookie: opts.cookie },
        }),
      ),
    );
    const journal = await r.record(() =>
      call(
        new Request(`${opts.origin}/api/trpc/journal.create`, {
          method: "POST",
          headers: {
            cookie: opts.cookie,
            "content-type": "application/json",
            "sec-fetch-site": "same-origin",
          },
          body: JSON.stringify(
            superjson.serialize({ idempotencyKey: randomUUID(), mood: 3, body: "bench count" }),
          ),
        }),
      ),
    );
    const home = await r.record(async () => {
      // app/(app)/layout.tsx and home/page.tsx: the session once (React cache), the unread
      // notes once (shared by the layout's badge and Home), then Home's one procedure.
      const session = await validateSession(db, opts.sessionId);
      const caller = createCaller(contextFor(db, session));
      await Promise.all([caller.buddies.unread(), caller.dashboard.home()]);
    });
    const buddy = await r.record(async () => {
      // server/http/doors/buddy.ts: the link opened (its visit counted, its thank-yous and
      // e-mail updates read) in one statement, then the owner's dashboard.
      const now = new Date();
      const opened = await openLink(db, opts.buddyToken, now);
      if (opened) await openedView(db, opened, now);
    });
    return [
      { name: "dashboard data (dashboard.get over HTTP)", statements: dashboard },
      { name: "journal create (journal.create over HTTP)", statements: journal },
      { name: "dashboard page (/home)", statements: home },
      {
        name: "buddy page (/b/<token>)",
        statements: buddy,
        note: "the link with its thank-yous and e-mail updates, then the owner's progress; the page's own count below adds the per-address rate-limit counter, rate-limiter-flexible's own upsert",
      },
    ];
  } finally {
    await r.close();
  }
}

export interface PlanCheck {
  text: string;
  /** Sequential scans in the plan, with the table's row count. */
  seqScans: { table: string; rows: number }[];
  /** Whether one of them reads a big table (at least 10,000 rows). */
  fullScan: boolean;
  plan: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

/** EXPLAIN for each distinct statement seen, on the database at `url` (the scale size). */
export async function explainStatements(url: string, seen: Seen[]): Promise<PlanCheck[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ relname: string; n: number }[]>`
      select relname, reltuples::bigint as n from pg_class where relkind = 'r'`;
    const sizes = new Map(rows.map((r) => [r.relname, Number(r.n)]));
    const checks: PlanCheck[] = [];
    const done = new Set<string>();
    for (const s of seen) {
      const text = s.text.trim();
      if (done.has(text) || !/^(select|insert|update|delete|with)\b/i.test(text)) continue;
      done.add(text);
      const [row] = await sql.unsafe(`explain (format json) ${text}`, s.params as never[]);
      const plan = (row?.["QUERY PLAN"] as { Plan: PlanNode }[] | undefined)?.[0]?.Plan;
      if (!plan) continue;
      const seqScans = [...nodes(plan)]
        .filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"])
        .map((n) => ({
          table: n["Relation Name"] ?? "",
          rows: sizes.get(n["Relation Name"] ?? "") ?? 0,
        }));
      const lines = await sql.unsafe(`explain ${text}`, s.params as never[]);
      checks.push({
        text,
        seqScans,
        fullScan: seqScans.some((x) => x.rows >= 10_000),
        plan: lines.map((l) => l["QUERY PLAN"]).join("\n"),
      });
    }
    return checks;
  } finally {
    await sql.end();
  }
}
