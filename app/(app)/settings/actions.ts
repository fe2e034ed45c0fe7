"use server";

import { redirect } from "next/navigation";
import { forgetCookieAfterDeletion } from "@/server/http/doors/sign-out";

/** After the account is deleted: clears the session cookie and says goodbye. */
export async function leaveAfterDeletion(): Promise<void> {
  await forgetCookieAfterDeletion();
  redirect("/goodbye");
}
