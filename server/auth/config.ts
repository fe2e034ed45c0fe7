import "#server-only";
import NextAuth from "next-auth";
import { authConfig } from "./providers";

let instance: ReturnType<typeof NextAuth> | undefined;

/**
 * Auth.js as Next.js runs it, for the server actions that sign out. Built on first use
 * (never at import, so `next build` needs no secret); signing in goes through providers.ts.
 */
export function authjs(): ReturnType<typeof NextAuth> {
  instance ??= NextAuth({ ...authConfig() });
  return instance;
}
