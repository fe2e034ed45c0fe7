"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { resetPasswordInput } from "@/lib/schemas/account";
import { authjs } from "@/server/auth/config";
import { getDb } from "@/server/db";
import { AppError, loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { resetPassword } from "@/server/services/password-reset";

export interface FormResult {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
}

const TRY_AGAIN = "We could not reach Rekindle's database just now. Please try again in a moment.";

export interface WelcomeResult extends FormResult {
  /** The link was unknown, used or out of date: show that instead of the button. */
  expired?: boolean;
}

/** Opens the account a sign-up link was sent for, and signs this device in. */
export async function finishSignUpAction(token: unknown): Promise<WelcomeResult> {
  try {
    await authjs().signIn("welcome", { token: String(token), redirect: false });
  } catch (e) {
    if (e instanceof AuthError && e.type === "CredentialsSignin") {
      const code = (e as { code?: string }).code;
      if (code === "already_signed_up") {
        return { formError: "This address already has an account. Please sign in instead." };
      }
      return { expired: true };
    }
    log.error({ error: loggableError(e) }, "finishing a sign-up failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
  redirect("/home");
}

export async function signOutAction(): Promise<void> {
  await authjs().signOut({ redirect: false });
  redirect("/sign-in?signed-out=1");
}

// ─── Password reset ─────────────────────────────────────────────────────────────────

export interface ResetResult extends FormResult {
  /** The link was unknown, used or expired: show that instead of the form. */
  expired?: boolean;
}

export async function resetPasswordAction(values: unknown): Promise<ResetResult> {
  const parsed = await resetPasswordInput.safeParseAsync(values);
  if (!parsed.success) {
    const { token, ...fieldErrors } = parsed.error.flatten().fieldErrors;
    return token ? { expired: true } : { fieldErrors };
  }
  try {
    await resetPassword(await getDb(), parsed.data);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return { expired: true };
    log.error({ error: loggableError(e) }, "password reset failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
  redirect("/sign-in?reset=1");
}
