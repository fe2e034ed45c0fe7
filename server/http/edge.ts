import "#server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { readSessionId, sessionIdFromCookie } from "@/server/auth/cookie";
import { type ActiveSession, validateSession } from "@/server/auth/sessions";
import { requestAddress } from "@/server/client-ip";
import { getDb as processDb } from "@/server/db";
import { env } from "@/server/env";
import { AppError, type AppErrorCode, isConnectionError, loggableError } from "@/server/errors";
import { type LimitName, limits, RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
import { REQUEST_ID_HEADER } from "./request-log";
import { markDatabaseAway } from "./request-scope";

/**
 * The edge: the one way into Rekindle for every door that is not tRPC (route handlers,
 * server actions, the buddy page, the calendar feed, the export, health). It reads the
 * session the way tRPC's context does, checks same-origin one way, counts the door's
 * limits, and turns whatever went wrong into a status and a sentence, logged without values.
 * A door is a few lines: its name, its session need, its limits and its handler.
 */

// ─── 1. The session ──────────────────────────────────────────────────────────────────────

/** The live session a request's cookie names, checked against the database every time. */
export async function sessionOf(
  db: Db,
  headers: Headers | { cookie?: string | null },
  now?: Date,
): Promise<ActiveSession | null> {
  const sessionId =
    headers instanceof Headers
      ? await readSessionId(headers)
      : await sessionIdFromCookie(headers.cookie);
  return sessionId ? validateSession(db, sessionId, now) : null;
}

// ─── 2. Same origin ──────────────────────────────────────────────────────────────────────

/** The origins a page of Rekindle's own is served from: APP_URL, and the Host asked for. */
function ownOrigins(headers: Headers, requestUrl?: string): Set<string> {
  const own = new Set<string>();
  const configured = env().APP_URL;
  if (configured) own.add(new URL(configured).origin);
  const host = headers.get("host");
  if (host) {
    own.add(`http://${host}`);
    own.add(`https://${host}`);
  }
  if (requestUrl && URL.canParse(requestUrl)) own.add(new URL(requestUrl).origin);
  return own;
}

/**
 * True when a request comes from one of Rekindle's own pages. Browsers say where a request
 * comes from in Sec-Fetch-Site; older ones only in Origin, which must then be one of ours.
 * A request with neither came from no browser page (curl, a calendar app), so no other
 * site can have sent it with the person's cookie.
 */
export function isSameOrigin(headers: Headers, requestUrl?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = headers.get("origin");
  if (origin === null) return true;
  return ownOrigins(headers, requestUrl).has(origin);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a method changes nothing, so any origin may send it. */
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

// ─── 3. Limits ───────────────────────────────────────────────────────────────────────────

/** Counts one try against each limit in turn; throws RateLimitedError at the first reached. */
export async function countLimits(tries: readonly (readonly [LimitName, string])[]) {
  if (tries.length === 0) return;
  await (await limits()).consumeAll(tries.map(([name, key]) => [name, key]));
}

// ─── 4. What went wrong, as a status ─────────────────────────────────────────────────────

export const TRY_AGAIN =
  "We couldn't reach the database just now. Nothing was saved; please try again in a moment.";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** What a person is told about a failed request, and with which status. */
export interface Problem {
  status: number;
  message: string;
  /** The input field the message is about. */
  field?: string;
  /** With 429: how long to wait (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** With 500: the id the log line carries too, so a report can be matched. */
  errorId?: string;
}

/** The database could not be opened or answered: a 503 and "try again". */
export class DatabaseAway extends Error {
  override name = "DatabaseAway";
}

/**
 * Turns what a door threw into what the person may see: an AppError keeps its code and
 * sentence, a reached limit is 429 with its wait, a lost database 503, and anything else
 * 500 with a reference id that is logged beside the error (names and SQL, never values).
 */
export function problemOf(error: unknown, where: { door: string; requestId?: string }): Problem {
  if (RateLimitedError.is(error)) {
    return { status: 429, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof AppError) {
    return { status: STATUS[error.code], message: error.message, field: error.field };
  }
  if (error instanceof DatabaseAway || isConnectionError(error)) {
    markDatabaseAway();
    log.warn({ door: where.door, requestId: where.requestId }, "database unreachable");
    return { status: 503, message: TRY_AGAIN };
  }
  const errorId = randomUUID().slice(0, 8);
  log.error(
    { errorId, door: where.door, requestId: where.requestId, error: loggableError(error) },
    "unexpected error",
  );
  return {
    status: 500,
    message: `Something went wrong on our side. Please try again. (Reference: ${errorId})`,
    errorId,
  };
}

/** Headers every answer about a problem carries: never cached, and the wait when limited. */
export function problemHeaders(problem: Problem): Record<string, string> {
  return {
    "Cache-Control": "no-store",
    ...(problem.retryAfterSeconds ? { "Retry-After": String(problem.retryAfterSeconds) } : {}),
  };
}

/** The JSON answer the forms read: `formError`, or `fieldErrors` for one field. */
export function jsonProblem(problem: Problem): Response {
  const body = problem.field
    ? { fieldErrors: { [problem.field]: [problem.message] } }
    : { formError: problem.message };
  return Response.json(body, { status: problem.status, headers: problemHeaders(problem) });
}

/** A JSON answer that is never cached. */
export const json = (status: number, body: object, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

// ─── 5. A door ───────────────────────────────────────────────────────────────────────────

export interface DoorRequest<P> {
  request: Request;
  params: P;
  db: Db;
  /** The live session, when the door asked for one. */
  session: ActiveSession | null;
  /** The client's address as Rekindle's server recorded it. */
  address: string;
  requestId: string;
}

export interface DoorSpec<P> {
  /** Names the door in the log. */
  name: string;
  /** "required": no live session is 401; "optional": read it; "none" (default): not read. */
  session?: "none" | "optional" | "required";
  /**
   * Limits counted before the handler runs, whatever it finds: a dead token costs the same
   * as a live one.
   */
  limits?: (r: {
    request: Request;
    params: P;
    address: string;
  }) => (readonly [LimitName, string])[];
  /** How a problem is shown at this door; JSON `{ formError }` unless said otherwise. */
  answer?: (problem: Problem, r: { request: Request; params: P }) => Response;
  /**
   * Accept unsafe methods from anywhere. Only for a door that reads no session and acts by
   * the token in its address alone: a mail app's one-click unsubscribe (RFC 8058) posts
   * from the mail provider's servers, with no Origin of ours.
   */
  anyOrigin?: boolean;
}

/** Tests point the edge at their own database; the app uses the process's. */
let databaseFor: () => Promise<Db> = processDb;

export function pointEdgeAtDatabase(getDb: () => Promise<Db>): void {
  databaseFor = getDb;
}

/** Opens the database, or throws DatabaseAway. */
export async function edgeDb(): Promise<Db> {
  try {
    return await databaseFor();
  } catch (e) {
    throw new DatabaseAway("database unavailable", { cause: e });
  }
}

const UNSIGNED = new AppError("UNAUTHORIZED", "Please sign in again to continue.");
const CROSS_SITE = new AppError("FORBIDDEN", "Requests from other sites are not accepted.");

/**
 * A route handler behind the edge: `export const POST = door({...}, async (r) => ...)`.
 * Unsafe methods must come from Rekindle's own pages (403 otherwise), the door's limits are
 * counted, the session is read if asked for, and whatever the handler throws becomes a
 * problem answered the door's way.
 */
export function door<P = Record<string, never>>(
  spec: DoorSpec<P>,
  handler: (r: DoorRequest<P>) => Promise<Response>,
): (request: Request, route?: { params: Promise<P> }) => Promise<Response> {
  const answer = spec.answer ?? ((problem: Problem) => jsonProblem(problem));
  return async (request, route) => {
    const params = ((await route?.params) ?? {}) as P;
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    try {
      if (
        !spec.anyOrigin &&
        !isSafeMethod(request.method) &&
        !isSameOrigin(request.headers, request.url)
      ) {
        throw CROSS_SITE;
      }
      const address = requestAddress(request.headers);
      await countLimits(spec.limits?.({ request, params, address }) ?? []);
      const db = await edgeDb();
      const session =
        spec.session && spec.session !== "none" ? await sessionOf(db, request.headers) : null;
      if (spec.session === "required" && !session) throw UNSIGNED;
      return await handler({ request, params, db, session, address, requestId });
    } catch (error) {
      return answer(problemOf(error, { door: spec.name, requestId }), { request, params });
    }
  };
}

/** A JSON body, or null when there is none or it is not JSON. */
export const readJson = (request: Request): Promise<unknown> => request.json().catch(() => null);

/** Only JSON is read at JSON doors: a form on another site cannot send it without asking. */
export function requireJson(request: Request): void {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("BAD_REQUEST", "Please send the form as JSON.");
  }
}
