import "#server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Every secret Rekindle hands out (session ids, buddy links, calendar feeds, sign-up and
 * reset links) is 32 random bytes in base64url, and the database keeps only its SHA-256.
 */
export const newToken = (): string => randomBytes(32).toString("base64url");

export const hashToken = (token: string): string =>
  createHash("sha256").update(token).digest("base64url");

/** The shape of newToken()'s output: anything else is known dead without asking the database. */
export const isTokenShaped = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
