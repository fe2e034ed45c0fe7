"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { authjs } from "@/server/auth/config";
import { beforeSignUp } from "@/server/auth/throttle";
import { requestAddress } from "@/server/client-ip";
import { env } from "@/server/env";
import { AppError, loggableError } from "@/server/errors";
import { RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
import { sendMailQuietly } from "@/server/mail";
import { forgotPasswordInput, resetPasswordInput, signUpInput } from "@/server/schemas/account";
import { requestPasswordReset, resetPassword } from "@/server/services/password-reset";
import { requestSignUp } from "@/server/services/sign-up";

export interface FormResult {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
}

const TRY_AGAIN = "We could not reach Rekindle's database just now. Please try again in a moment.";

/** A refusal from the limits becomes their message; anything else, "try again". */
function limitProblem(e: unknown, what: string): FormResult {
  if (RateLimitedError.is(e)) return { formError: e.message };
  log.error({ error: loggableError(e) }, `${what} failed unexpectedly`);
  return { formError: TRY_AGAIN };
}

/**
 * Starts a sign-up. Every address gets the same answer, "check your inbox": a new one a
 * link that makes the account, one with an account a mail saying so. Sent after the answer
 * is out, so its timing tells nothing either.
 */
export async function signUpAction(values: unknown): Promise<FormResult> {
  const parsed = await signUpInput.safeParseAsync(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const h = await headers();
  try {
    await beforeSignUp(requestAddress(h));
  } catch (e) {
    return limitProblem(e, "sign-up limit");
  }
  try {
    await requestSignUp(await getDb(), parsed.data, {
      appUrl: linkBase(h),
      send: (mail) => after(() => sendMailQuietly(mail)),
    });
  } catch (e) {
    log.error({ error: loggableError(e) }, "sign-up failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
  redirect("/sign-up/check");
}

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

/** The one answer to every reset request, whether or not an account uses the address. */
const RESET_REQUESTED =
  "If an account uses that address, we've sent a link. It works for 30 minutes.";

/**
 * Where links in mails start: APP_URL, or else the origin this request came to (browsers
 * send Origin with every form post, and Next.js checks it against the host).
 */
function linkBase(h: Headers): string {
  const configured = env().APP_URL;
  if (configured) return configured;
  const origin = h.get("origin");
  if (origin && URL.canParse(origin)) return new URL(origin).origin;
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}

export interface ResetRequestResult extends FormResult {
  /** Set once the request is taken: the sentence to show instead of the form. */
  done?: string;
}

export async function requestResetAction(values: unknown): Promise<ResetRequestResult> {
  const parsed = forgotPasswordInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const h = await headers();
  try {
    await requestPasswordReset(await getDb(), parsed.data.email, {
      appUrl: linkBase(h),
      address: requestAddress(h),
      // After the answer is out, so its timing is the same for every address.
      send: (mail) => after(() => sendMailQuietly(mail)),
    });
  } catch (e) {
    if (RateLimitedError.is(e)) return { formError: e.message };
    log.error({ error: loggableError(e) }, "reset request failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
  return { done: RESET_REQUESTED };
}

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
