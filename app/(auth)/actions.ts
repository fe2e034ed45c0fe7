"use server";

import { redirect } from "next/navigation";
import { type ResetResult, resetPasswordForm } from "@/server/http/doors/auth";
import { signOutHere } from "@/server/http/doors/sign-out";

export type { FormResult, ResetResult } from "@/server/http/doors/auth";

export async function signOutAction(): Promise<void> {
  await signOutHere();
  redirect("/sign-in?signed-out=1");
}

/** Sets a new password through a reset link, then sends the person to sign in with it. */
export async function resetPasswordAction(values: unknown): Promise<ResetResult> {
  const result = await resetPasswordForm(values);
  if (result) return result;
  redirect("/sign-in?reset=1");
}
