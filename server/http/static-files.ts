import "#server-only";

import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { routeHeaders } from "./route-headers";

/** Where Next.js's static files are asked for; the build keeps them in `.next/static`. */
const PREFIX = "/_next/static/";

/** Scripts and stylesheets name their charset, as Next.js sent them. */
const WITH_CHARSET: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * For production: answers `/_next/static/…` with the Brotli or gzip copy the build made
 * (scripts/precompress.ts), whichever the browser accepts, where Next.js would compress the
 * file again for every request. The folder is listed once, at start, so no name outside it
 * can match. Headers are the ones next.config.js gives the path, as for every answer.
 * Returns false for what it does not answer (another method or address, a file the build
 * does not have): Next.js answers those.
 */
export function staticFiles(nextDir: string) {
  const headersFor = routeHeaders(nextDir);
  const serve = sirv(path.join(nextDir, "static"), {
    brotli: true,
    gzip: true,
    // Each name carries its content's hash, so a file never changes under its name.
    maxAge: 31_536_000,
    immutable: true,
    extensions: [],
    setHeaders: (res, pathname) => {
      for (const { key, value } of headersFor(PREFIX + pathname.slice(1))) {
        res.setHeader(key, value);
      }
      const type = WITH_CHARSET[path.extname(pathname)];
      if (type) res.setHeader("Content-Type", type);
    },
  });
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    if ((req.method !== "GET" && req.method !== "HEAD") || !url.startsWith(PREFIX)) return false;
    let found = true;
    req.url = url.slice(PREFIX.length - 1);
    serve(req, res, () => {
      found = false;
    });
    req.url = url;
    return found;
  };
}
