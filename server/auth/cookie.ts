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
 * The session id inside the Auth.js cookie, or null. The cookie is an encrypted JWT that
 * carries nothing but this id; whether the session is still alive is the database's call.
 */
export async function readSessionId(headers: Headers): Promise<string | null> {
  const cookie = headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookie, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: authSecret(), salt: name });
      return typeof payload?.sid === "string" ? payload.sid : null;
    } catch {
      return null;
    }
  }
  return null;
}
