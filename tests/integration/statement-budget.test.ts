import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "@/db/client";
import { buddyPage } from "@/server/http/doors/buddy";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { recordingDb, setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { createBuddyLink, sessionCookie, signedInUser } from "../helpers/users";

/**
 * The statement budget of the pages people open most (issue 16): Home and every other
 * signed-in page at most 5 SQL statements a request, the buddy page at most 5 with its link
 * looked up once. The real layout and page functions run as Next.js runs them for one
 * request (React's cache() shared between them, the request's headers), on a database that
 * records every statement it is sent. A count, not a timing: it holds in CI.
 */

const BUDGET = 5;

// One request at a time: React's cache() keeps a value per request, as it does in Next.js.
const request = vi.hoisted(() => ({
  current: { headers: new Headers(), memo: new Map<unknown, Map<string, unknown>>() },
}));

vi.mock("react", async (original) => {
  const react = await original<typeof import("react")>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) =>
    ((...args: A) => {
      const { memo } = request.current;
      let known = memo.get(fn);
      if (!known) {
        known = new Map();
        memo.set(fn, known);
      }
      const key = JSON.stringify(args);
      if (!known.has(key)) known.set(key, fn(...args));
      return known.get(key) as R;
    }) as typeof fn;
  return { ...react, default: { ...react, cache }, cache };
});

vi.mock("next/headers", () => ({
  headers: async () => request.current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

// Settings' sign-out actions use Auth.js, which loads only inside Next.js; they send nothing
// while the page renders.
vi.mock("@/server/http/doors/sign-out", () => ({
  signOutHere: async () => {},
  forgetCookieAfterDeletion: async () => {},
}));

const t = setupTestDb();
const processDb = globalThis as unknown as { rekindleDb?: Promise<Database> };

let recording: ReturnType<typeof recordingDb>;
beforeEach(() => {
  recording = recordingDb(t.db);
  const database = { db: recording.db, kind: t.kind, close: async () => {} } as Database;
  processDb.rekindleDb = Promise.resolve(database);
  pointEdgeAtDatabase(async () => recording.db);
});
afterEach(() => {
  processDb.rekindleDb = undefined;
});

type Page = (props: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string>>;
}) => Promise<unknown>;
type Layout = (props: { children: React.ReactNode }) => Promise<unknown>;

/** The statements one request for the page sends: the signed-in layout and the page. */
async function pageStatements(
  cookie: string,
  load: () => Promise<unknown>,
  params: Record<string, string> = {},
): Promise<string[]> {
  const layout = (await import("@/app/(app)/layout")) as unknown as {
    default: Layout;
    generateMetadata(): Promise<unknown>;
  };
  const page = (await load()) as { default: Page };
  request.current = {
    headers: new Headers({ cookie, "accept-language": "en-GB", "user-agent": "vitest" }),
    memo: new Map(),
  };
  recording.statements.length = 0;
  await Promise.all([
    layout.generateMetadata(),
    layout.default({ children: null }),
    page.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }),
  ]);
  return [...recording.statements];
}

/** A person well into their plan: a journey, a check-in, an entry, a note from a buddy. */
async function busyPerson(db: Db) {
  const person = await signedInUser(db, { displayName: "Robin" });
  await startJourney(db, person.userId);
  await person.caller.activity.checkIn({ mood: 4 });
  const entry = await person.caller.journal.create({
    idempotencyKey: randomUUID(),
    mood: 3,
    body: "A walk.",
  });
  const { token, link } = await createBuddyLink(person.caller);
  const buddy = await signedInUser(db, { displayName: "Sam" });
  await buddy.caller.supporting.save({ token });
  return {
    person,
    token,
    ids: { entry: entry.id, link: link.id },
    cookie: await sessionCookie(person.sessionId),
  };
}

describe("statements per request", () => {
  it(`Home sends at most ${BUDGET}, the layout's included`, async () => {
    const { cookie } = await busyPerson(t.db);
    // The first request of a session may refresh it; every later one is what is measured.
    await pageStatements(cookie, () => import("@/app/(app)/home/page"));
    const statements = await pageStatements(cookie, () => import("@/app/(app)/home/page"));
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(BUDGET);
  });

  // Every other signed-in page, as one person well into their plan opens it.
  const pages: [string, () => Promise<unknown>, Record<string, string>?][] = [
    ["/plan", () => import("@/app/(app)/plan/page")],
    ["/plan/1", () => import("@/app/(app)/plan/[step]/page"), { step: "1" }],
    ["/plan/outcome", () => import("@/app/(app)/plan/outcome/page")],
    ["/plan/readiness", () => import("@/app/(app)/plan/readiness/page")],
    ["/plan/situation", () => import("@/app/(app)/plan/situation/page")],
    ["/journal", () => import("@/app/(app)/journal/page")],
    ["/journal/new", () => import("@/app/(app)/journal/new/page")],
    ["/contacts", () => import("@/app/(app)/contacts/page")],
    ["/contacts/new", () => import("@/app/(app)/contacts/new/page")],
    ["/drafts", () => import("@/app/(app)/drafts/page")],
    ["/drafts/new", () => import("@/app/(app)/drafts/new/page")],
    ["/buddies", () => import("@/app/(app)/buddies/page")],
    ["/buddies/new", () => import("@/app/(app)/buddies/new/page")],
    ["/buddies/inbox", () => import("@/app/(app)/buddies/inbox/page")],
    ["/settings", () => import("@/app/(app)/settings/page")],
    ["/settings/reminders", () => import("@/app/(app)/settings/reminders/page")],
    ["/moving-on", () => import("@/app/(app)/moving-on/page")],
  ];
  it(`every other signed-in page sends at most ${BUDGET}`, async () => {
    const { cookie, ids } = await busyPerson(t.db);
    await pageStatements(cookie, () => import("@/app/(app)/home/page"));
    const counts: Record<string, number> = {};
    const over: string[] = [];
    const withIds: typeof pages = [
      ["/journal/[id]", () => import("@/app/(app)/journal/[id]/page"), { id: ids.entry }],
      ["/buddies/[id]/edit", () => import("@/app/(app)/buddies/[id]/edit/page"), { id: ids.link }],
      [
        "/buddies/[id]/preview",
        () => import("@/app/(app)/buddies/[id]/preview/page"),
        { id: ids.link },
      ],
    ];
    for (const [path, load, params] of [...pages, ...withIds]) {
      const statements = await pageStatements(cookie, load, params).catch((e: unknown) => {
        // redirect() and notFound() end a render by throwing; what was read still counts.
        if (String((e as { digest?: string })?.digest ?? "").startsWith("NEXT_")) {
          return [...recording.statements];
        }
        throw e;
      });
      counts[path] = statements.length;
      if (statements.length > BUDGET) over.push(`${path}:\n${statements.join("\n\n")}`);
    }
    expect(over, JSON.stringify(counts)).toEqual([]);
  });

  it(`the buddy page sends at most ${BUDGET} and looks its link up once`, async () => {
    const { token } = await busyPerson(t.db);
    const headers = { "accept-language": "en-GB", "x-forwarded-for": "203.0.113.9" };
    recording.statements.length = 0;
    const answer = await buddyPage({ token, headers });
    expect(answer.status).toBe(200);
    const statements = [...recording.statements];
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(BUDGET);
    expect(statements.filter((s) => /"token_hash" = \$\d/.test(s))).toHaveLength(1);
  });
});
