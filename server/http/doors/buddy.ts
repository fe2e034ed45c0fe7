import "#server-only";
import type { IncomingHttpHeaders } from "node:http";
import type { Db } from "@/db/client";
import type { BuddyLink } from "@/db/schema";
import type { BuddyView } from "@/lib/schemas/buddies";
import type { BuddyThanks, BuddyUpdates } from "@/lib/schemas/buddy-mail";
import type { SaveState } from "@/lib/schemas/supporting";
import { negotiateLocale } from "@/lib/stats/locale";
import { limitKeyForAddress, requestAddress } from "@/server/client-ip";
import { AppError } from "@/server/errors";
import {
  countLimits,
  door,
  edgeDb,
  type Problem,
  problemHeaders,
  problemOf,
  sessionOf,
} from "@/server/http/edge";
import { linkBase } from "@/server/http/link-base";
import { REQUEST_ID_HEADER } from "@/server/http/request-log";
import { TRY_AGAIN_SECONDS } from "@/server/http/request-scope";
import { countBuddyMessage, type LimitName, RateLimitedError } from "@/server/limits";
import {
  encourageLink,
  linkGone,
  liveLink,
  nudgeLink,
  openedView,
  openLink,
} from "@/server/services/buddies";
import { subscribeLink } from "@/server/services/buddies-mail";
import { saveLiveLink, saveStateOf } from "@/server/services/supporting";
import { noticePage } from "./notice-page";

/**
 * The buddy link's doors: its page (pages/b/[token].tsx) and the page's three form posts.
 * Every one counts the lookup against the address's one `buddyLookup` budget before it
 * looks the token up, so a guess costs the same whichever door it knocks on and whether
 * the token is dead or alive; then it looks the link up once, and answers with the true
 * status: 404 for a dead link, 429 with Retry-After, 503 while the database is away.
 */

/** The one lookup budget every buddy-token door counts against, before it looks. */
export const buddyLookupLimit = (address: string): [LimitName, string] => [
  "buddyLookup",
  limitKeyForAddress(address),
];

/**
 * A token as it came in the address. Tokens are base64url, which needs no decoding, so it
 * is never decoded again here: anything that is not token-shaped (malformed percent
 * escapes included) is simply a dead link.
 */
const tokenOf = (raw: string | undefined) => raw ?? "";

// ─── The page ────────────────────────────────────────────────────────────────────────────

/** What the buddy page shows; each kind goes with one status. */
export type BuddyPageData =
  | {
      kind: "view";
      token: string;
      view: BuddyView;
      save: SaveState | { kind: "signed-out" };
      /** The buddy's language (Accept-Language), for the dates on the page. */
      locale: string;
      /** Whether this link's buddy gets e-mail updates (never the address). */
      updates: BuddyUpdates;
      /** What the owner wrote back to notes sent through this link. */
      thanks: BuddyThanks;
    }
  /** 404: unknown, revoked and expired links alike. */
  | { kind: "gone" }
  /** 429: too many buddy pages from one connection. */
  | { kind: "busy"; minutes: number }
  /** 503: the database is away; try again in a moment. */
  | { kind: "away"; token: string }
  /** 500: anything else, with the reference the log has too. */
  | { kind: "error"; token: string; reference: string | null };

export interface BuddyPageAnswer {
  status: number;
  headers: Record<string, string>;
  data: BuddyPageData;
}

/** The request as getServerSideProps has it: Node's headers, not a fetch Request. */
export interface BuddyPageRequest {
  token: string | undefined;
  headers: IncomingHttpHeaders;
  now?: Date;
}

function fetchHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") out.set(name, value);
    else if (Array.isArray(value)) out.set(name, value.join(", "));
  }
  return out;
}

/** The edge's headers for a problem; a 503 also says when to try again. */
function headersFor(problem: Problem): Record<string, string> {
  const headers = problemHeaders(problem);
  if (problem.status === 503) headers["Retry-After"] = String(TRY_AGAIN_SECONDS);
  return headers;
}

function pageProblem(problem: Problem, token: string): BuddyPageAnswer {
  const headers = headersFor(problem);
  const { status } = problem;
  if (status === 404) return { status, headers, data: { kind: "gone" } };
  if (status === 429) {
    const minutes = Math.ceil((problem.retryAfterSeconds ?? 60) / 60);
    return { status, headers, data: { kind: "busy", minutes } };
  }
  if (status === 503) return { status, headers, data: { kind: "away", token } };
  return {
    status: 500,
    headers,
    data: { kind: "error", token, reference: problem.errorId ?? null },
  };
}

/**
 * Everything the buddy page shows, with its status and headers: counted, then the link
 * looked up once, then the owner's progress (a visit) and what the save form offers the
 * signed-in visitor.
 */
export async function buddyPage(request: BuddyPageRequest): Promise<BuddyPageAnswer> {
  const token = tokenOf(request.token);
  const headers = fetchHeaders(request.headers);
  const requestId = headers.get(REQUEST_ID_HEADER) ?? undefined;
  try {
    await countLimits([buddyLookupLimit(requestAddress(headers))]);
    const db = await edgeDb();
    const now = request.now ?? new Date();
    // The link, its visit, its owner, thank-yous and e-mail updates in one statement; the
    // owner's dashboard follows.
    const opened = await openLink(db, token, now);
    if (!opened) throw linkGone();
    const { link, updates, thanks } = opened;
    const locale = negotiateLocale(headers.get("accept-language"));
    const [view, save] = await Promise.all([
      openedView(db, opened, now, locale),
      saveOffer(db, link, headers.get("cookie")),
    ]);
    return {
      status: 200,
      headers: { "Cache-Control": "no-store" },
      data: { kind: "view", token, view, save, locale, updates, thanks },
    };
  } catch (error) {
    return pageProblem(problemOf(error, { door: "buddy page", requestId }), token);
  }
}

async function saveOffer(db: Db, link: BuddyLink, cookie: string | null) {
  const session = await sessionOf(db, { cookie });
  return session
    ? saveStateOf(db, { userId: session.user.id }, link)
    : ({ kind: "signed-out" } as const);
}

// ─── The form posts ──────────────────────────────────────────────────────────────────────

type TokenParams = { token: string };

const pagePath = (token: string) => `/b/${encodeURIComponent(token)}`;

/** 303 back to the page with a flag it turns into a notice: never the buddy's words. */
function backToPage(token: string, flag: string): Response {
  return new Response(null, {
    status: 303,
    headers: {
      Location: flag ? `${pagePath(token)}?${flag}` : pagePath(token),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * A refused form post, under its true status, as a page a browser with JavaScript off
 * can read: 403 from another site, 404 for a dead link, 429 with Retry-After, 503 while the
 * database is away.
 */
function formProblem(problem: Problem, { params }: { params: TokenParams }): Response {
  const headers = headersFor(problem);
  const back = { href: pagePath(tokenOf(params.token)), label: "Back to the page" };
  switch (problem.status) {
    case 403:
      return noticePage(403, {
        title: "This form can't be sent from here",
        text: "Messages can only be sent from the buddy page itself. Open the link your friend shared, and send it from there.",
      });
    case 404:
      return noticePage(404, {
        title: "This link no longer works",
        text: "If a friend shared it with you, ask them for a new one.",
      });
    case 429:
      return noticePage(
        429,
        { title: "Let's take a short pause", text: problem.message, link: back },
        headers,
      );
    case 503:
      return noticePage(
        503,
        {
          title: "That didn't go through",
          text: "We couldn't reach Rekindle just now, so nothing was sent. Please go back and try again in a moment.",
          link: back,
        },
        headers,
      );
    default:
      return noticePage(
        problem.status,
        {
          title: "Something went wrong on our side",
          text: problem.message,
          link: back,
        },
        headers,
      );
  }
}

/** A rule of the form itself (too long, no nudge today): back to the page, which says so. */
const isFormRule = (error: unknown) =>
  error instanceof AppError &&
  (error.code === "BAD_REQUEST" || error.code === "TOO_MANY_REQUESTS") &&
  !RateLimitedError.is(error);

/**
 * One plain HTML form post from the buddy page (it works with JavaScript off): counted as
 * a lookup, the link looked up once, the message counted against its own limits, the work
 * done, and a redirect back to the page with a flag.
 */
function buddyForm(
  name: string,
  flags: { ok: string; failed: (error: AppError) => string },
  work: (db: Db, link: BuddyLink, request: Request) => Promise<unknown>,
) {
  return door<TokenParams>(
    {
      name,
      limits: ({ address }) => [buddyLookupLimit(address)],
      answer: formProblem,
    },
    async ({ request, params, db, address }) => {
      const token = tokenOf(params.token);
      const link = await liveLink(db, token, new Date());
      if (!link) throw linkGone();
      try {
        await countBuddyMessage(address, link.id);
        await work(db, link, request);
      } catch (error) {
        if (isFormRule(error)) return backToPage(token, flags.failed(error as AppError));
        throw error;
      }
      return backToPage(token, flags.ok);
    },
  );
}

const text = (form: FormData | null, field: string) => {
  const value = form?.get(field);
  return typeof value === "string" ? value : undefined;
};

/** POST /b/<token>/encourage: a few kind words. */
export const encourage = buddyForm(
  "buddy encourage",
  { ok: "sent=1", failed: (e) => (e.field === "name" ? "error=name" : "error=message") },
  async (db, link, request) => {
    const form = await request.formData().catch(() => null);
    const name = text(form, "name");
    return encourageLink(db, link, {
      name: name?.trim() ? name : undefined,
      message: text(form, "message") ?? "",
    });
  },
);

/**
 * POST /b/<token>/subscribe: the buddy's address for updates by e-mail. Nothing but the
 * confirming mail is sent until they open its link; the page answers the same whether or
 * not a mail went (one per address per 15 minutes).
 */
export const subscribe = buddyForm(
  "buddy subscribe",
  { ok: "subscribed=1", failed: () => "error=email" },
  async (db, link, request) => {
    const form = await request.formData().catch(() => null);
    return subscribeLink(
      db,
      link,
      { email: text(form, "email") ?? "" },
      { appUrl: linkBase(request.headers) },
    );
  },
);

/** POST /b/<token>/nudge: "thinking of you", once a day while the owner is quiet. */
export const nudge = buddyForm(
  "buddy nudge",
  { ok: "nudged=1", failed: () => "error=nudge" },
  (db, link) => nudgeLink(db, link),
);

/**
 * POST /b/<token>/save: keeps the person on the signed-in visitor's home. It acts for the
 * visitor, so like every post it must come from Rekindle's own page (the door checks).
 */
export const save = door<TokenParams>(
  {
    name: "buddy save",
    session: "optional",
    limits: ({ address }) => [buddyLookupLimit(address)],
    answer: formProblem,
  },
  async ({ params, db, session }) => {
    const token = tokenOf(params.token);
    const link = await liveLink(db, token, new Date());
    if (!link) throw linkGone();
    if (!session) return new Response(null, { status: 303, headers: { Location: "/sign-in" } });
    const actor = { userId: session.user.id };
    if (link.userId === actor.userId) return backToPage(token, "error=own");
    try {
      await saveLiveLink(db, actor, link);
    } catch (error) {
      if (isFormRule(error)) return backToPage(token, "error=full");
      throw error;
    }
    return backToPage(token, "saved=1");
  },
);
