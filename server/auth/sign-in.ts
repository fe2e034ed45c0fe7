import "#server-only";
import type { Db } from "@/db/client";
import { AppError } from "@/server/errors";
import { checkCredentials } from "@/server/services/account";
import { createSession } from "./sessions";
import { afterFailedSignIn, afterSignIn, beforeSignIn } from "./throttle";

/** One sentence for every failed sign-in, so it never tells which addresses exist. */
export const WRONG_CREDENTIALS =
  "That e-mail and password don't match an account. Check both and try again.";

/** Where a sign-in comes from: the limits count by address, the session list shows the device. */
export interface SignInClient {
  address: string;
  userAgent: string;
}

/**
 * The one password check every way of signing in goes through (Auth.js's credentials
 * provider calls it, and nothing else makes a session from a password). A locked-out e-mail
 * and address, or an address that failed too often, is refused before the password is
 * looked at (RateLimitedError); a wrong e-mail or password counts toward those limits and
 * is UNAUTHORIZED, one message for both; the right one clears the pair's failures and
 * opens a session. An unknown e-mail costs a dummy hash, so timing tells nothing.
 */
export async function signInWithPassword(
  db: Db,
  credentials: { email: string; password: string },
  client: SignInClient,
): Promise<{ userId: string; sessionId: string }> {
  const { email, password } = credentials;
  await beforeSignIn(email, client.address);
  const userId = await checkCredentials(db, email, password);
  if (!userId) {
    await afterFailedSignIn(email, client.address);
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  await afterSignIn(email, client.address);
  const sessionId = await createSession(db, userId, { userAgent: client.userAgent });
  return { userId, sessionId };
}
