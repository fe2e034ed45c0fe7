import { type NextRequest, NextResponse } from "next/server";
import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { loggableError } from "@/server/errors";
import { contentSecurityPolicy, newNonce } from "@/server/http/csp";
import { countBuddyLookup, RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
import { liveLink } from "@/server/services/buddies";

const dev = process.env.NODE_ENV !== "production";
const BUDDY_PAGE = /^\/b\/([^/]+)$/;

/**
 * Before the buddy page renders, because only here can the answer carry a status: 429
 * (with Retry-After) when one address opens too many buddy pages, and 404 for an unknown,
 * revoked or expired link, as complete pages that need no JavaScript. Null: render it.
 */
interface Answer {
  to: URL;
  status: number;
  headers: Record<string, string>;
}

async function buddyPageAnswer(request: NextRequest, token: string): Promise<Answer | null> {
  try {
    await countBuddyLookup(requestAddress(request.headers));
    if (!(await liveLink(await getDb(), decodeURIComponent(token), new Date()))) {
      return { to: new URL("/link-gone", request.url), status: 404, headers: {} };
    }
  } catch (error) {
    if (RateLimitedError.is(error)) {
      const to = new URL("/link-busy", request.url);
      to.searchParams.set("wait", String(Math.ceil(error.retryAfterSeconds / 60)));
      return { to, status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } };
    }
    // Anything else (the database is down, say): the page itself answers, and explains.
    log.warn({ error: loggableError(error) }, "buddy link check failed");
  }
  return null;
}

/**
 * Every page gets a fresh nonce: Next.js reads it from the request's CSP header and puts
 * it on each of its scripts; the response carries the same policy.
 */
export async function proxy(request: NextRequest) {
  // The Pages Router would answer /_next/data/<build>/b/<token>.json with the buddy page's
  // props as JSON, for client-side navigation. That page has no client, so nothing needs
  // the JSON, and one less way to read a buddy's view is one less to guard.
  if (request.headers.has("x-nextjs-data")) return new NextResponse(null, { status: 404 });
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, dev);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);

  const token = BUDDY_PAGE.exec(request.nextUrl.pathname)?.[1];
  const answer = token ? await buddyPageAnswer(request, token) : null;
  const response = answer
    ? NextResponse.rewrite(answer.to, {
        status: answer.status,
        headers: answer.headers,
        request: { headers },
      })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: static files carry no scripts to vouch for, and /api answers JSON.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
