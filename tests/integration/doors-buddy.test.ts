import { randomBytes, randomInt } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as encourage } from "@/app/b/[token]/encourage/route";
import { POST as nudge } from "@/app/b/[token]/nudge/route";
import { POST as save } from "@/app/b/[token]/save/route";
import { buddyLinks, encouragements } from "@/db/schema";
import { getServerSideProps } from "@/pages/b/[token]";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { LIMITS } from "@/server/limits";
import { createContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { recordingDb, setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { createBuddyLink, sessionCookie, signedInUser } from "../helpers/users";

// No build here to list the stylesheet; tests/unit/built-styles.test.ts reads a manifest.
vi.mock("@/server/http/built-styles", () => ({
  builtStylesheets: () => ["/_next/static/chunks/app.css"],
}));

const t = setupTestDb();
const APP = "http://localhost:3000";

beforeAll(() => {
  // Addresses come from the header scripts/serve.ts sets, as in production.
  markServedByRekindle();
  pointEdgeAtDatabase(async () => t.db);
});

/** An address of its own for each test, so one test's budget never reaches another's. */
const freshAddress = () => `203.0.${randomInt(0, 255)}.${randomInt(1, 254)}`;
const deadToken = () => randomBytes(32).toString("base64url");

async function ownerWithLink() {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  await startJourney(t.db, owner.userId);
  const { token, link } = await createBuddyLink(owner.caller);
  return { owner, token, link };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  kind: string;
  /** The document getServerSideProps sent itself. */
  html: string;
}

/** GET /b/<token> as the Pages Router runs it: getServerSideProps with Node's req and res. */
async function openPage(token: string, headers: IncomingHttpHeaders = {}): Promise<Answer> {
  const set: Record<string, string> = {};
  let html = "";
  const res = {
    statusCode: 200,
    setHeader(name: string, value: string) {
      set[name.toLowerCase()] = String(value);
    },
    end(body: string) {
      html = body;
    },
  };
  const result = await getServerSideProps({
    params: { token },
    query: {},
    req: { headers: { host: "localhost:3000", ...headers } },
    res,
    resolvedUrl: `/b/${token}`,
  } as unknown as Parameters<typeof getServerSideProps>[0]);
  const props = "props" in result ? await result.props : null;
  return { status: res.statusCode, headers: set, kind: (props as { kind: string }).kind, html };
}

type Door = (req: Request, route: { params: Promise<{ token: string }> }) => Promise<Response>;

/** A plain HTML form post from the buddy page. */
function post(
  door: Door,
  token: string,
  path: string,
  headers: Record<string, string> = {},
  form: Record<string, string> = {},
) {
  return door(
    new Request(`${APP}/b/${token}/${path}`, {
      method: "POST",
      headers: { host: "localhost:3000", "sec-fetch-site": "same-origin", ...headers },
      body: new URLSearchParams(form),
    }),
    { params: Promise.resolve({ token }) },
  );
}

const { points } = LIMITS.buddyLookup;

describe("one lookup budget for buddy tokens, at every door", () => {
  it("counts guesses spread over the page, encourage, nudge, save and supporting.save, dead or alive", async () => {
    const { token } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Kit" });
    const address = freshAddress();
    const ip = { [CLIENT_IP_HEADER]: address };
    // The tRPC caller as the HTTP handler builds it, with the address serve.ts recorded.
    const saver = createCaller(
      await createContext({ db: t.db, sessionId: friend.sessionId, meta: { address } }),
    );
    const cookie = await sessionCookie(friend.sessionId);

    const doors: (() => Promise<number>)[] = [
      async () => (await openPage(deadToken(), ip)).status,
      async () => (await openPage(token, ip)).status,
      async () => (await post(encourage, deadToken(), "encourage", ip, { message: "hi" })).status,
      async () => (await post(nudge, deadToken(), "nudge", ip)).status,
      async () => (await post(save, deadToken(), "save", { ...ip, cookie })).status,
      () =>
        saver.supporting.save({ token: deadToken() }).then(
          () => 200,
          (e: { code?: string }) => (e.code === "TOO_MANY_REQUESTS" ? 429 : 404),
        ),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < points; i++) {
      const knock = doors[i % doors.length] as () => Promise<number>;
      statuses.push(await knock());
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);

    // The budget is spent: every door now refuses, the live link's page included.
    expect((await openPage(token, ip)).status).toBe(429);
    expect((await post(encourage, token, "encourage", ip, { message: "hi" })).status).toBe(429);
    expect((await post(nudge, token, "nudge", ip)).status).toBe(429);
    expect((await post(save, token, "save", { ...ip, cookie })).status).toBe(429);
    await expect(saver.supporting.save({ token })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Another address is untouched.
    expect((await openPage(token, { [CLIENT_IP_HEADER]: freshAddress() })).status).toBe(200);
    // Nothing was sent while refused.
    expect(await t.db.select().from(encouragements)).toEqual([]);
  });

  it("looks the link up once per page request", async () => {
    const { token, link } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Kit" });
    const recorded = recordingDb(t.db);
    pointEdgeAtDatabase(async () => recorded.db);
    try {
      const page = await openPage(token, {
        [CLIENT_IP_HEADER]: freshAddress(),
        cookie: await sessionCookie(friend.sessionId),
      });
      expect(page.kind).toBe("view");
      // getServerSideProps sends the whole document itself, with no script in it.
      expect(page.html).toMatch(/^<!DOCTYPE html><html lang="en"><head>/);
      expect(page.html).toContain("<title>A friend&#x27;s progress · Rekindle</title>");
      expect(page.html).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css"/>');
      expect(page.html).toContain("Cheering on Robin");
      expect(page.html).not.toContain("<script");
      expect(page.headers["content-security-policy"]).toContain("script-src 'none'");
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    } finally {
      pointEdgeAtDatabase(async () => t.db);
    }
    const lookups = recorded.statements.filter(
      (s) => /"buddy_links"/.test(s) && /"token_hash" = \$\d/.test(s),
    );
    expect(lookups).toHaveLength(1);
    const [row] = await t.db.select().from(buddyLinks).where(eq(buddyLinks.id, link.id));
    expect(row?.openCount).toBe(1);
  });
});

describe("statuses that tell the truth, at every buddy door", () => {
  it("answers a dead link 404 at the page and every form post, malformed escapes included", async () => {
    const { owner, token, link } = await ownerWithLink();
    await owner.caller.buddies.revoke({ id: link.id });
    const cookie = await sessionCookie(owner.sessionId);
    for (const dead of [token, deadToken(), "nonsense", "%", "%E0%A4%A", "%.ics"]) {
      const ip = { [CLIENT_IP_HEADER]: freshAddress() };
      const page = await openPage(dead, ip);
      expect(page.status, dead).toBe(404);
      expect(page.kind).toBe("gone");
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.html).toContain("This link no longer works");
      for (const [door, path] of [
        [encourage, "encourage"],
        [nudge, "nudge"],
        [save, "save"],
      ] as const) {
        const res = await post(door, dead, path, { ...ip, cookie }, { message: "hi" });
        expect(res.status, `${path} ${dead}`).toBe(404);
        expect(await res.text()).toContain("This link no longer works");
      }
    }
  });

  it("answers a reached limit 429 with Retry-After, on the page and on a form post", async () => {
    const { token } = await ownerWithLink();
    const ip = { [CLIENT_IP_HEADER]: freshAddress() };
    for (let i = 0; i < points; i++) await openPage(deadToken(), ip);
    const page = await openPage(token, ip);
    expect(page).toMatchObject({ status: 429, kind: "busy" });
    expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
    expect(page.html).toContain("Let&#x27;s take a short pause");
    const res = await post(encourage, token, "encourage", ip, { message: "hi" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("Let&#39;s take a short pause");
  });

  it("answers 503 with 'try again' while the database is away", async () => {
    const { token } = await ownerWithLink();
    pointEdgeAtDatabase(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    try {
      const ip = { [CLIENT_IP_HEADER]: freshAddress() };
      const page = await openPage(token, ip);
      expect(page).toMatchObject({ status: 503, kind: "away" });
      expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
      expect(page.html).toContain("We couldn&#x27;t open this page just now");
      for (const [door, path] of [
        [encourage, "encourage"],
        [nudge, "nudge"],
        [save, "save"],
      ] as const) {
        const res = await post(door, token, path, ip, { message: "hi" });
        expect(res.status, path).toBe(503);
        expect(await res.text()).toContain("try again in a moment");
      }
    } finally {
      pointEdgeAtDatabase(async () => t.db);
    }
  });

  it("refuses a form post from another site with 403, and sends nothing", async () => {
    const { token } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Kit" });
    const cookie = await sessionCookie(friend.sessionId);
    for (const headers of [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
    ] as Record<string, string>[]) {
      for (const [door, path] of [
        [encourage, "encourage"],
        [nudge, "nudge"],
        [save, "save"],
      ] as const) {
        const request = new Request(`${APP}/b/${token}/${path}`, {
          method: "POST",
          headers: {
            host: "localhost:3000",
            [CLIENT_IP_HEADER]: freshAddress(),
            cookie,
            ...headers,
          },
          body: new URLSearchParams({ message: "from elsewhere" }),
        });
        const res = await door(request, { params: Promise.resolve({ token }) });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await t.db.select().from(encouragements)).toEqual([]);
    expect(await friend.caller.supporting.list()).toEqual([]);
  });

  it("still sends, nudges and saves from the page itself, answering 303 back to it", async () => {
    const { token } = await ownerWithLink();
    const friend = await signedInUser(t.db, { displayName: "Kit" });
    const ip = { [CLIENT_IP_HEADER]: freshAddress() };
    const sent = await post(encourage, token, "encourage", ip, {
      name: "Sam",
      message: "You've got this",
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/b/${token}?sent=1`);
    const long = await post(encourage, token, "encourage", ip, {
      name: "x".repeat(500),
      message: "hi",
    });
    expect(long.headers.get("location")).toBe(`/b/${token}?error=name`);
    const nudged = await post(nudge, token, "nudge", ip);
    expect(nudged.status).toBe(303);
    expect(nudged.headers.get("location")).toMatch(/\?(nudged=1|error=nudge)$/);
    const signedOut = await post(save, token, "save", ip);
    expect(signedOut.headers.get("location")).toBe("/sign-in");
    const saved = await post(save, token, "save", {
      ...ip,
      cookie: await sessionCookie(friend.sessionId),
    });
    expect(saved.headers.get("location")).toBe(`/b/${token}?saved=1`);
    expect(await friend.caller.supporting.list()).toHaveLength(1);
  });
});
