import { env } from "@/server/env";
import { loggableError } from "@/server/errors";
import { RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";

/**
 * The auth forms post JSON to small route handlers rather than server actions, because
 * only a route can answer with a status: 429 with Retry-After when a limit is reached.
 */
export const TRY_AGAIN =
  "We could not reach Rekindle's database just now. Please try again in a moment.";

export const json = (status: number, body: object, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** Same-origin JSON only; the answer to anything else, or null to go on. */
export function refuseForeign(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return json(403, { formError: "Forbidden" });
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return json(415, { formError: "Please send the form as JSON." });
  }
  return null;
}

export const readJson = (request: Request): Promise<unknown> => request.json().catch(() => null);

/** A reached limit as 429 with Retry-After; anything else is logged and "try again". */
export function limitAnswer(e: unknown, what: string): Response {
  if (RateLimitedError.is(e)) {
    return json(429, { formError: e.message }, { "Retry-After": String(e.retryAfterSeconds) });
  }
  log.error({ error: loggableError(e) }, `${what} failed unexpectedly`);
  return json(503, { formError: TRY_AGAIN });
}

/**
 * Where links in mails start: APP_URL (required in production when mail is on), or in
 * development the origin this request came to.
 */
export function linkBase(h: Headers): string {
  const configured = env().APP_URL;
  if (configured) return configured;
  const origin = h.get("origin");
  if (origin && URL.canParse(origin)) return new URL(origin).origin;
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}
