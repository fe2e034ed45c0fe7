import "#server-only";
import { isIP } from "node:net";
import { env } from "./env";

/**
 * The header Rekindle's own server (scripts/serve.ts) sets on every request to the
 * client's address. Whatever a client sends under this name is overwritten, never read.
 */
export const CLIENT_IP_HEADER = "x-rekindle-client-ip";

const SERVED = Symbol.for("rekindle.serve");
const WARNED = Symbol.for("rekindle.client-ip-warned");
type Flags = { [SERVED]?: boolean; [WARNED]?: boolean };

/** Called by scripts/serve.ts: from here on the header above can be believed. */
export function markServedByRekindle(): void {
  (globalThis as Flags)[SERVED] = true;
}

/** "::ffff:1.2.3.4" is 1.2.3.4; anything that is not an address is dropped. */
function normalize(raw: string | undefined): string | null {
  if (!raw) return null;
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  if (ip.toLowerCase().startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip.toLowerCase() : null;
}

/**
 * The client's address. Each trusted proxy appends the address it received the request
 * from to X-Forwarded-For, so with `trustedHops` proxies the client is that many entries
 * from the end of [...forwardedFor, socketAddress]. Entries further left were written by
 * the client itself and are never believed.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress ?? ""];
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalize(chain[index]) ?? "unknown";
}

/**
 * The address the rate limits count by. IPv6 users usually hold a whole /64, so they are
 * counted by it rather than by one of its many addresses.
 */
export function limitKeyForAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address as Rekindle's server recorded it. Under a bare `next start` the
 * header could come from anyone, so it is ignored and every client counts as one.
 */
export function requestAddress(headers: Headers): string {
  const flags = globalThis as Flags;
  if (!flags[SERVED]) {
    if (!flags[WARNED] && env().NODE_ENV === "production") {
      flags[WARNED] = true;
      console.warn(
        "Rekindle was started without scripts/serve.ts (npm start), so client addresses are unknown and rate limits count all clients together.",
      );
    }
    return "unknown";
  }
  return normalize(headers.get(CLIENT_IP_HEADER) ?? undefined) ?? "unknown";
}
