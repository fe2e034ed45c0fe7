import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { isConnectionError, loggableError } from "@/server/errors";
import { countCalendarLookup, RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
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

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", ...headers },
  });

export interface CalendarRequestOptions {
  getDb: () => Promise<Db>;
  /** The client's address, for the per-address limit. */
  address: string;
  /** Counts one lookup; throws RateLimitedError past the limit. */
  count?: (address: string) => Promise<void>;
  now?: Date;
}

/**
 * GET /cal/<token>.ics: the person's calendar, for a calendar app to subscribe to. An
 * unknown and a revoked address answer the same 404, so neither says whether it ever
 * worked.
 */
export async function handleCalendarRequest(
  req: Request,
  rawToken: string,
  options: CalendarRequestOptions,
): Promise<Response> {
  const token = decodeURIComponent(rawToken).replace(/\.ics$/, "");
  try {
    await (options.count ?? countCalendarLookup)(options.address);
    const db = await options.getDb();
    const appUrl = env().APP_URL ?? new URL(req.url).origin;
    const body = await calendarForToken(db, token, { appUrl, now: options.now });
    if (body === null) return plain(404, "This calendar address no longer works.");
    return new Response(body, {
      headers: {
        ...PRIVATE,
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="calendar.ics"',
      },
    });
  } catch (error) {
    if (RateLimitedError.is(error)) {
      return plain(429, error.message, { "Retry-After": String(error.retryAfterSeconds) });
    }
    if (isConnectionError(error)) return plain(503, "Please try again in a moment.");
    const errorId = randomUUID().slice(0, 8);
    log.error({ errorId, path: "calendar", error: loggableError(error) }, "unexpected error");
    return plain(500, `Something went wrong on our side. (Reference: ${errorId})`);
  }
}
