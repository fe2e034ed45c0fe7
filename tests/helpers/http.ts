import superjson from "superjson";
import type { Db } from "@/db/client";
import { handleTrpcRequest } from "@/server/trpc/http";
import type { FieldErrors } from "@/server/trpc/init";

/** Where the app is served in these tests; requests from here count as same-origin. */
export const APP_ORIGIN = "http://localhost:3000";

/** What a browser on the app's own pages sends with a fetch. */
export const SAME_ORIGIN_HEADERS = {
  host: "localhost:3000",
  origin: APP_ORIGIN,
  "sec-fetch-site": "same-origin",
} as const;

export const trpcUrl = (path: string) => `${APP_ORIGIN}/api/trpc/${path}`;

/** A mutation as the tRPC client sends it: POST, JSON body in superjson's envelope. */
export function mutationRequest(
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(trpcUrl(path), {
    method: "POST",
    headers: { ...SAME_ORIGIN_HEADERS, "content-type": "application/json", ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

/** A query as the tRPC client sends it: GET with the input in the query string. */
export function queryRequest(
  path: string,
  input?: unknown,
  headers: Record<string, string> = {},
): Request {
  const url = new URL(trpcUrl(path));
  if (input !== undefined)
    url.searchParams.set("input", JSON.stringify(superjson.serialize(input)));
  return new Request(url, { headers: { ...SAME_ORIGIN_HEADERS, ...headers } });
}

/** The error a client receives, as the error formatter shaped it. */
export interface WireError {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    fieldErrors: FieldErrors | null;
    errorId: string | null;
  };
}

export interface WireResponse {
  status: number;
  headers: Headers;
  /** The raw body text, for checks that nothing private is anywhere in it. */
  text: string;
  data?: unknown;
  error?: WireError;
}

/** Sends a request through the whole HTTP path (guard, tRPC, context) and reads the answer. */
export async function send(req: Request, db: Db | (() => Promise<Db>)): Promise<WireResponse> {
  const res = await handleTrpcRequest(req, typeof db === "function" ? db : async () => db);
  const text = await res.text();
  const body = JSON.parse(text) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: Parameters<typeof superjson.deserialize>[0] | WireError;
  };
  const out: WireResponse = { status: res.status, headers: res.headers, text };
  if (body.result) out.data = superjson.deserialize(body.result.data);
  if (body.error) {
    // tRPC errors come in superjson's envelope; the guard's own refusals are plain JSON.
    out.error =
      "json" in body.error
        ? superjson.deserialize<WireError>(
            body.error as Parameters<typeof superjson.deserialize>[0],
          )
        : (body.error as WireError);
  }
  return out;
}
