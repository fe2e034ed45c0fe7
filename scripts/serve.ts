/**
 * Rekindle's server: Next.js behind a thin node:http layer whose one job is to record the
 * client's address. `next start` keeps any X-Forwarded-For a client sends, so a client
 * could otherwise pick its own address and walk around every rate limit.
 *
 *   node dist/serve.js            production (`npm start`, after `npm run build`)
 *   tsx scripts/serve.ts --dev    development, with hot reload (`npm run dev`)
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { IMPORT_MAX_BYTES } from "../lib/schemas/plain";
import { CLIENT_IP_HEADER, clientAddress, markServedByRekindle } from "../server/client-ip";
import { env } from "../server/env";
import { loggablePath, REQUEST_ID_HEADER } from "../server/http/request-log";
import { log } from "../server/log";
import { postgresPatchProblem } from "../server/postgres-patch";
import { stopProcessReminders } from "../server/reminders/runner";
import { stopTracing } from "../server/telemetry";

/**
 * Nothing Rekindle takes in comes near this: the longest journal entry is 20,000
 * characters, 80 kB at worst in UTF-8. Larger bodies are refused before anything reads them.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The one door with a larger cap: an import carries a whole export file, which can hold
 * hundreds of long entries, and must arrive whole to be written in one transaction.
 */
function bodyCap(req: IncomingMessage): number {
  const path = (req.url ?? "").split("?")[0];
  return req.method === "POST" && path === "/api/import" ? IMPORT_MAX_BYTES : MAX_BODY_BYTES;
}

function refuseBody(req: IncomingMessage): { status: number; message: string } | null {
  const length = req.headers["content-length"];
  if (length !== undefined && Number(length) > bodyCap(req)) {
    return { status: 413, message: "That is more than Rekindle can take in one go." };
  }
  // A body without a stated length could be any size; browsers always state it.
  if (length === undefined && req.headers["transfer-encoding"] !== undefined) {
    return { status: 411, message: "Please send the body with its length." };
  }
  return null;
}

/**
 * The Pages Router would answer /_next/data/<build>/<page>.json with a page's props as
 * JSON, for client-side navigation. Its one page (the buddy page) has no client, so
 * nothing needs it, and one less way to read a buddy's view is one less to guard. Refused
 * by path here, where no request header can skip the check.
 */
function isPagesData(url: string): boolean {
  let path = url.split("?")[0] ?? "";
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not decodable: judged as it came.
  }
  return path.replace(/\/{2,}/g, "/").startsWith("/_next/data/");
}

/** The token doors: their token segment is theirs to judge, even when it is not UTF-8. */
const TOKEN_DOOR = /^\/(b|cal)\/([^/?#]*)(.*)$/s;

/**
 * A token door's address whose token cannot be percent-decoded (`/cal/%E0.ics`) would make
 * Next answer 400 before the door counts it. Such a token is simply dead: it is handed on
 * as one that is plainly not a token, so the door counts the lookup and answers 404.
 */
function undecodableTokenAsDead(url: string): string {
  const match = TOKEN_DOOR.exec(url);
  if (!match) return url;
  const [, door, segment = "", rest = ""] = match;
  try {
    decodeURIComponent(segment);
    return url;
  } catch {
    return `/${door}/-${door === "cal" && segment.endsWith(".ics") ? ".ics" : ""}${rest}`;
  }
}

/**
 * On the embedded database the whole program shares one process, so V8 is asked to collect
 * garbage sooner than its default of letting it grow to several times the live heap.
 */
function tuneProductionMemory(embedded: boolean) {
  if (embedded) setFlagsFromString("--heap-growing-percent=20");
}

/**
 * Where a phone on the same network opens this machine: its IPv4 addresses other than
 * loopback. next.config.js allows the same addresses Next's development resources.
 */
function networkUrls(port: number): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NetworkInterfaceInfo => a?.family === "IPv4" && !a.internal)
    .map((a) => `http://${a.address}:${port}`);
}

function plainAnswer(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(text);
}

async function main() {
  const dev = process.argv.includes("--dev");
  const unpatched = postgresPatchProblem();
  if (unpatched) throw new Error(unpatched);
  const e = env();
  if (!dev) tuneProductionMemory(!e.DATABASE_URL);
  // Imported here, after the settings above, so they apply to Next.js's own modules too.
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: e.HOSTNAME, port: e.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  markServedByRekindle();

  // Loaded after the memory settings, like Next.js itself.
  const { isSameOrigin } = await import("../server/http/edge");
  const { requestScopes, TRY_AGAIN_SECONDS } = await import("../server/http/request-scope");
  // Production answers tRPC's requests through its door directly (server/http/direct-trpc.ts);
  // development keeps Next's route, which reloads the door's code as it changes.
  const { directTrpc } = await import("../server/http/direct-trpc");
  const answerDirectly = dev ? undefined : directTrpc(path.join(process.cwd(), ".next"));
  // Production sends the build's precompressed static files itself (server/http/static-files.ts).
  const { staticFiles } = await import("../server/http/static-files");
  const answerStatic = dev ? undefined : staticFiles(path.join(process.cwd(), ".next"));
  const scopes = requestScopes();

  /**
   * A server action another site's page posts (a `Next-Action` header) is refused here,
   * before Next.js sees it: Next would refuse it too, but as a 500.
   */
  const isCrossSiteAction = (req: IncomingMessage) => {
    if (req.method !== "POST" || req.headers["next-action"] === undefined) return false;
    const headers = new Headers();
    for (const name of ["sec-fetch-site", "origin", "host"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    return !isSameOrigin(headers);
  };

  const server = createServer((req, res) => {
    // Each request gets an id, in the log and in the answer, so a person who reports a
    // problem and the log line about it can be matched. An id a client sends is replaced.
    const requestId = randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      log.info(
        {
          requestId,
          method: req.method,
          path: loggablePath(req.url ?? "/"),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
    const refused = refuseBody(req);
    if (refused) {
      res.writeHead(refused.status, {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        Connection: "close",
      });
      res.end(JSON.stringify({ error: { message: refused.message } }));
      req.resume();
      return;
    }
    if (answerStatic?.(req, res)) return;
    const url = req.url ?? "/";
    if (isPagesData(url)) return plainAnswer(res, 404, "Not found.");
    if (isCrossSiteAction(req)) {
      return plainAnswer(res, 403, "Requests from other sites are not accepted.");
    }
    req.url = undecodableTokenAsDead(url);
    req.headers[CLIENT_IP_HEADER] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      e.TRUST_PROXY_HOPS,
    );
    // The request's scope: a page that found the database away says so here, and its 500
    // goes out as 503, the status of "try again in a moment".
    const scope = { databaseAway: false };
    const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => unknown;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      if (status === 500 && scope.databaseAway) {
        res.setHeader("Retry-After", String(TRY_AGAIN_SECONDS));
        res.setHeader("Cache-Control", "no-store");
        const [reason, ...others] = rest;
        return writeHead(503, ...(typeof reason === "string" ? others : rest));
      }
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    scopes.run(scope, () => {
      (answerDirectly?.(req, res) ?? handle(req, res)).catch((error: unknown) => {
        console.error("Request failed before Rekindle could answer:", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("Something went wrong. Please try again.");
      });
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());

  server.listen(e.PORT, e.HOSTNAME, () => {
    const everywhere = e.HOSTNAME === "0.0.0.0";
    const where = everywhere ? "localhost" : e.HOSTNAME;
    console.log(
      `Rekindle is ready on http://${where}:${e.PORT} (${dev ? "development" : "production"}).`,
    );
    if (dev && everywhere) {
      for (const url of networkUrls(e.PORT)) console.log(`  on a phone on this network: ${url}`);
    }
  });

  const stop = () => {
    // A reminder mail being sent is finished, not cut off halfway, and the last spans are sent.
    server.close(
      () =>
        void stopProcessReminders()
          .then(stopTracing, stopTracing)
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(`Rekindle cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
