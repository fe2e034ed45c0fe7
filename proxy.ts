import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requestAddress } from "@/server/client-ip";
import { loggableError } from "@/server/errors";
import { countBuddyLookup, RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
import { liveLink } from "@/server/services/buddies";

/**
 * Runs before the buddy page renders, because only here can the answer carry a status:
 * 429 (with Retry-After) when one address opens too many buddy pages, and 404 for an
 * unknown, revoked or expired link, as a complete page that needs no JavaScript.
 */
export async function proxy(request: NextRequest) {
  const token = request.nextUrl.pathname.split("/")[2] ?? "";
  try {
    await countBuddyLookup(requestAddress(request.headers));
    if (!(await liveLink(await getDb(), decodeURIComponent(token), new Date()))) {
      return NextResponse.rewrite(new URL("/link-gone", request.url), { status: 404 });
    }
  } catch (error) {
    if (RateLimitedError.is(error)) {
      const url = new URL("/link-busy", request.url);
      url.searchParams.set("wait", String(Math.ceil(error.retryAfterSeconds / 60)));
      return NextResponse.rewrite(url, {
        status: 429,
        headers: { "Retry-After": String(error.retryAfterSeconds) },
      });
    }
    // Anything else (the database is down, say): the page itself answers, and explains.
    log.warn({ error: loggableError(error) }, "buddy link check failed");
  }
  return NextResponse.next();
}

export const config = { matcher: "/b/:token" };
