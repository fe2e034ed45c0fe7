"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { authjs } from "@/server/auth/config";
import { AppError, loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { signInInput, signUpInput } from "@/server/schemas/account";
import { createAccount } from "@/server/services/account";

export interface FormResult {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
}

const WRONG_CREDENTIALS =
  "That e-mail and password don't match an account. Check both and try again.";
const TRY_AGAIN = "We could not reach Rekindle's database just now. Please try again in a moment.";

async function startSession(email: string, password: string): Promise<FormResult | null> {
  try {
    await authjs().signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (e) {
    if (e instanceof AuthError && e.type === "CredentialsSignin")
      return { formError: WRONG_CREDENTIALS };
    log.error({ error: loggableError(e) }, "sign-in failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
}

export async function signUpAction(values: unknown): Promise<FormResult> {
  const parsed = signUpInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  try {
    await createAccount(await getDb(), parsed.data);
  } catch (e) {
    if (e instanceof AppError) {
      return e.field ? { fieldErrors: { [e.field]: [e.message] } } : { formError: e.message };
    }
    log.error({ error: loggableError(e) }, "sign-up failed unexpectedly");
    return { formError: TRY_AGAIN };
  }
  const failed = await startSession(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  redirect("/home");
}

export async function signInAction(values: unknown): Promise<FormResult> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  const failed = await startSession(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  redirect("/home");
}

export async function signOutAction(): Promise<void> {
  await authjs().signOut({ redirect: false });
  redirect("/sign-in?signed-out=1");
}
