import "#server-only";

/**
 * What the request log may say about an address. Capability tokens live in some paths
 * (buddy links, reset links, calendar feeds) and must never reach a log, and query
 * strings can carry anything, so paths are logged as their route with tokens replaced
 * and no query.
 */
const TOKEN_ROUTES: [RegExp, string][] = [
  [/^\/b\/[^/]+/, "/b/:token"],
  [/^\/reset\/[^/]+/, "/reset/:token"],
  [/^\/cal\/[^/]+/, "/cal/:token"],
];

export function loggablePath(url: string): string {
  let path = url.split("?")[0]?.split("#")[0] ?? "/";
  for (const [pattern, replacement] of TOKEN_ROUTES) path = path.replace(pattern, replacement);
  // Anything long and opaque elsewhere is shortened too, in case a future route takes one.
  return path.replace(/[A-Za-z0-9_-]{32,}/g, ":opaque");
}

/** The header carrying each request's id, set by Rekindle's server and echoed back. */
export const REQUEST_ID_HEADER = "x-request-id";
