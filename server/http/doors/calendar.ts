import "#server-only";
import { limitKeyForAddress } from "@/server/client-ip";
import { env } from "@/server/env";
import { door, type Problem, problemHeaders } from "@/server/http/edge";
import { calendarForToken } from "@/server/services/calendar";

/**
 * The feed's address is its only key: it must not be kept by a shared cache, indexed, or
 * passed on in a Referer.
 */
const PRIVATE = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

/** Calendar apps show plain text best, if they show it at all. */
const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", ...headers },
  });

const GONE = "This calendar address no longer works.";

function feedProblem(problem: Problem): Response {
  const headers = problemHeaders(problem);
  if (problem.status === 404) return plain(404, GONE, headers);
  if (problem.status === 503) return plain(503, "Please try again in a moment.", headers);
  return plain(problem.status, problem.message, headers);
}

/**
 * GET /cal/<token>.ics: the person's calendar, for a calendar app to subscribe to. Every
 * fetch counts against the address's limit before the token is looked up; an unknown, a
 * malformed and a revoked address answer the same 404, so none says whether it ever
 * worked. The token is base64url and needs no decoding: anything else is simply dead.
 */
export const calendarFeed = door<{ token: string }>(
  {
    name: "calendar",
    limits: ({ address }) => [["calendarLookup", limitKeyForAddress(address)]],
    answer: feedProblem,
  },
  async ({ request, params, db }) => {
    const token = (params.token ?? "").replace(/\.ics$/, "");
    const appUrl = env().APP_URL ?? new URL(request.url).origin;
    const body = await calendarForToken(db, token, { appUrl });
    if (body === null) return plain(404, GONE);
    return new Response(body, {
      headers: {
        ...PRIVATE,
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="calendar.ics"',
      },
    });
  },
);
