import "#server-only";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import { TRPC_BATCH_MAX } from "@/lib/schemas/plain";
import { negotiateLocale } from "@/lib/stats/locale";
import { requestAddress } from "@/server/client-ip";
import { isSameOrigin, sessionOf, TRY_AGAIN } from "@/server/http/edge";
import { REQUEST_ID_HEADER } from "@/server/http/request-log";
import { RateLimitedError } from "@/server/limits";
import { contextFor, hideUnexpectedError } from "./init";
import { appRouter } from "./root";

const refuse = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Mutations arrive only as same-origin POSTs with a JSON body. tRPC would also accept a
 * multipart body, which a form on another site can send with the user's cookie and no
 * preflight; this check closes that door before tRPC sees the request. Same-origin is the
 * edge's own rule, so tRPC and every other door agree on which pages are Rekindle's.
 */
export function refuseUnsafePost(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return refuse(415, "This request must be sent as JSON.");
  }
  if (!isSameOrigin(req.headers, req.url)) {
    return refuse(403, "Cross-site requests are not accepted.");
  }
  return null;
}

/** The whole HTTP path of tRPC, given how to reach the database. */
export async function handleTrpcRequest(req: Request, getDb: () => Promise<Db>): Promise<Response> {
  const refused = refuseUnsafePost(req);
  if (refused) return refused;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // tRPC refuses a longer batch with 400 before reading inputs or running any call.
    maxBatchSize: TRPC_BATCH_MAX,
    async createContext() {
      let db: Db;
      try {
        db = await getDb();
      } catch (cause) {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: TRY_AGAIN, cause });
      }
      const meta = {
        requestId: req.headers.get(REQUEST_ID_HEADER) ?? randomUUID(),
        userAgent: req.headers.get("user-agent") ?? "",
        address: requestAddress(req.headers),
        locale: negotiateLocale(req.headers.get("accept-language")),
      };
      try {
        return contextFor(db, await sessionOf(db, req.headers), meta);
      } catch (e) {
        // The session check is the first query of every request: a lost database is
        // "try again" here too, and anything else is hidden and logged like in a procedure.
        throw hideUnexpectedError(e, { requestId: meta.requestId, path: "createContext" });
      }
    },
    responseMeta({ errors }) {
      const headers = new Headers({ "Cache-Control": "no-store" });
      // A reached limit says how long to wait, as it does at every other door.
      const waits = errors.map((e) =>
        RateLimitedError.is(e.cause) ? e.cause.retryAfterSeconds : 0,
      );
      const wait = Math.max(0, ...waits);
      if (wait > 0) headers.set("Retry-After", String(wait));
      return { headers };
    },
  });
  // Every answer is JSON, refusals of a whole request too (a batch too long, a body that is
  // not JSON, a failed context), which tRPC leaves unlabelled; set here, it is said once.
  response.headers.set("Content-Type", "application/json");
  return response;
}
