import "#server-only";
import { authjs } from "@/server/auth/config";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";

// Apart from the other auth doors: next-auth's wrapper loads Next's request scope, which
// only a running Next.js server has, and those doors are also called from tests.

/** Ends this device's session: the row goes, and Auth.js clears the cookie. */
export async function signOutHere(): Promise<void> {
  await authjs().signOut({ redirect: false });
}

/**
 * After the account is deleted its session rows are gone already, so the cookie opens
 * nothing; clearing it only tidies the browser, and a failure is logged, not shown.
 */
export async function forgetCookieAfterDeletion(): Promise<void> {
  try {
    await signOutHere();
  } catch (error) {
    log.warn({ error: loggableError(error) }, "clearing the cookie after deletion failed");
  }
}
