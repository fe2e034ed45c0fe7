import "#server-only";

import { readFileSync } from "node:fs";
import path from "node:path";

export type Header = { key: string; value: string };
/** Headers for a path, as next.config.js sets them. */
export type RouteHeaders = (pathname: string) => Header[];

/**
 * The headers next.config.js gives each path, read from what `next build` compiled them to
 * (routes-manifest.json), so the config stays their one source. A rule with conditions
 * (`has`, `missing`) would need the request to judge: refused here rather than misapplied.
 */
export function routeHeaders(nextDir: string): RouteHeaders {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "routes-manifest.json"), "utf8")) as {
    headers?: {
      source: string;
      regex: string;
      headers: Header[];
      has?: unknown;
      missing?: unknown;
    }[];
  };
  const rules = (manifest.headers ?? []).map((rule) => {
    if (rule.has || rule.missing) {
      throw new Error(
        `next.config.js's header rule for ${rule.source} has conditions serve.ts can't judge.`,
      );
    }
    return { matches: new RegExp(rule.regex), headers: rule.headers };
  });
  // Later rules win, as in Next.js: set in order, the last value of a name stays.
  return (pathname) => rules.filter((r) => r.matches.test(pathname)).flatMap((r) => r.headers);
}
