import "#server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/server/env";

/** Auth.js names its cookie with the __Secure- prefix when the site is served over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Opened cookies, by their exact text. Opening one (a key derivation and a decryption)
 * costs more CPU than the database lookup that follows, and a person sends the same cookie
 * with every request. Only the id is kept, with the cookie's own expiry; whether the
 * session is alive is still asked of the database on every request. Oldest out first.
 *
 * Kept on globalThis: the pages, the route handlers and the tRPC door are separate bundles,
 * each with its own copy of this module, and a cookie opened by one is the same for all.
 * With a map per copy, a person's first page after their first API call opened it again.
 */
const OPENED_MAX = 10_000;
const OPENED = Symbol.for("rekindle.opened-cookies");
type Opened = Map<string, { sid: string; expiresAtMs: number }>;
const shared = globalThis as { [OPENED]?: Opened };
const opened: Opened = shared[OPENED] ?? new Map();
shared[OPENED] = opened;

function remember(key: string, sid: string, exp: unknown) {
  if (typeof exp !== "number") return;
  if (opened.size >= OPENED_MAX) {
    const oldest = opened.keys().next().value;
    if (oldest !== undefined) opened.delete(oldest);
  }
  opened.set(key, { sid, expiresAtMs: exp * 1000 });
}

/**
 * The session id inside the Auth.js cookie, or null. The cookie is an encrypted JWT that
 * carries nothing but this id; whether the session is still alive is the database's call.
 */
export function readSessionId(headers: Headers): Promise<string | null> {
  return sessionIdFromCookie(headers.get("cookie"));
}

/**
 * The same, from a Cookie header's text: for code that has a Node request rather than a
 * fetch one (the buddy page's getServerSideProps).
 */
export async function sessionIdFromCookie(
  cookie: string | null | undefined,
): Promise<string | null> {
  if (!cookie) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookie, name);
    if (!token) continue;
    // The secret is part of the key, so a cookie opened under another secret never matches.
    const key = `${name}\n${authSecret()}\n${token}`;
    const known = opened.get(key);
    if (known && known.expiresAtMs > Date.now()) return known.sid;
    if (known) opened.delete(key);
    try {
      const payload = await decode({ token, secret: authSecret(), salt: name });
      if (typeof payload?.sid !== "string") return null;
      remember(key, payload.sid, payload.exp);
      return payload.sid;
    } catch {
      return null;
    }
  }
  return null;
}
