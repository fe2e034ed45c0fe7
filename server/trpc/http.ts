import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import { readSessionId } from "@/server/auth/cookie";
import { requestAddress } from "@/server/client-ip";
import { REQUEST_ID_HEADER } from "@/server/http/request-log";
import { createContext, hideUnexpectedError } from "./init";
import { appRouter } from "./root";

const refuse = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Mutations arrive only as same-origin POSTs with a JSON body. tRPC would also accept a
 * multipart body, which a form on another site can send with the user's cookie and no
 * preflight; this check closes that door before tRPC sees the request.
 */
export function refuseUnsafePost(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return refuse(415, "This request must be sent as JSON.");
  }
  const site = req.headers.get("sec-fetch-site");
  if (site) {
    return site === "same-origin" ? null : refuse(403, "Cross-site requests are not accepted.");
  }
  const origin = req.headers.get("origin");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // An unparseable Origin is refused below.
    }
    if (originHost !== req.headers.get("host")) {
      return refuse(403, "Cross-site requests are not accepted.");
    }
  }
  return null;
}

/** The whole HTTP path of tRPC, given how to reach the database. */
export async function handleTrpcRequest(req: Request, getDb: () => Promise<Db>): Promise<Response> {
  const refused = refuseUnsafePost(req);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    async createContext() {
      let db: Db;
      try {
        db = await getDb();
      } catch {
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: "We could not reach our database just now. Please try again in a moment.",
        });
      }
      const meta = {
        requestId: req.headers.get(REQUEST_ID_HEADER) ?? randomUUID(),
        userAgent: req.headers.get("user-agent") ?? "",
        address: requestAddress(req.headers),
      };
      try {
        return await createContext({ db, sessionId: await readSessionId(req.headers), meta });
      } catch (e) {
        // The session check is the first query of every request: a lost database is
        // "try again" here too, and anything else is hidden and logged like in a procedure.
        throw hideUnexpectedError(e, { requestId: meta.requestId, path: "createContext" });
      }
    },
    responseMeta() {
      return { headers: new Headers({ "Cache-Control": "no-store" }) };
    },
  });
}
