"use server";

import { redirect } from "next/navigation";
import { authjs } from "@/server/auth/config";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";

/**
 * After the account is deleted: clears the session cookie (its session row is gone already,
 * so the cookie opens nothing; this only tidies the browser) and says goodbye.
 */
export async function leaveAfterDeletion(): Promise<void> {
  try {
    await authjs().signOut({ redirect: false });
  } catch (error) {
    log.warn({ error: loggableError(error) }, "clearing the cookie after deletion failed");
  }
  redirect("/goodbye");
}
