import "#server-only";

import type { IncomingMessage, ServerResponse } from "node:http";
import { procedureTracer } from "../telemetry";
import { type RouteHeaders, routeHeaders } from "./route-headers";

/**
 * /api/trpc without Next.js's route machinery. In production scripts/serve.ts hands tRPC's
 * requests straight to the same door app/api/trpc uses (server/http/doors/trpc.ts), which
 * instrumentation.ts publishes here from inside Next's own bundle, so both ways run one
 * copy of the code. Next's handling of a route cost about 1.4 ms of CPU a request, more
 * than the door itself, and under load that queue was the dashboard's p99 (docs/benchmarks.md).
 * The door does every check itself (session, origin, limits, body); this only carries the
 * request in and the answer out, with the headers next.config.js gives the path.
 */
type Door = (request: Request) => Promise<Response>;

const DOOR = Symbol.for("rekindle.trpc-door");
const shared = globalThis as { [DOOR]?: Door };

/** Called once at start, from inside Next's bundle. */
export function publishTrpcDoor(door: Door): void {
  shared[DOOR] = door;
}

const PREFIX = "/api/trpc/";

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  return headers;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The route as Next.js names it in its spans: the path of a call is not in it, nor its input. */
const ROUTE = "/api/trpc/[trpc]";

/**
 * For production: answers a request through the published door when it is one of tRPC's,
 * traced when traces are on, and returns undefined for every other (Next.js answers those).
 */
export function directTrpc(nextDir: string) {
  const headersFor = routeHeaders(nextDir);
  return (req: IncomingMessage, res: ServerResponse): Promise<unknown> | undefined => {
    const door = req.url?.startsWith(PREFIX) ? shared[DOOR] : undefined;
    if (!door) return undefined;
    const answer = () => carry(door, headersFor, req, res);
    const tracer = procedureTracer();
    return tracer
      ? tracer.then((t) => (t ? t.request(req.method ?? "GET", ROUTE, answer) : answer()))
      : answer();
  };
}

/** serve.ts has already capped the body. Answers the status sent. */
async function carry(
  door: Door,
  headersFor: RouteHeaders,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  const method = req.method ?? "GET";
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Bad request.");
    return 400;
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  const response = await door(
    new Request(url, {
      method,
      headers: requestHeaders(req),
      body: hasBody ? new Uint8Array(await body(req)) : undefined,
    }),
  );
  for (const { key, value } of headersFor(url.pathname)) res.setHeader(key, value);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  res.writeHead(response.status);
  res.end(method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()));
  return response.status;
}
