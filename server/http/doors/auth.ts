import "#server-only";
import { after, NextResponse } from "next/server";
import type { z } from "zod";
import {
  finishSignUpInput,
  forgotPasswordInput,
  resetPasswordInput,
  signInInput,
  startSignUpInput,
} from "@/lib/schemas/account";
import { type AuthCookie, signInThroughAuthjs } from "@/server/auth/providers";
import { limitKeyForAddress } from "@/server/client-ip";
import { AppError, loggableError } from "@/server/errors";
import {
  countLimits,
  door,
  edgeDb,
  json,
  problemOf,
  readJson,
  requireJson,
} from "@/server/http/edge";
import { linkBase } from "@/server/http/link-base";
import { log } from "@/server/log";
import { type Mail, sendMailQuietly } from "@/server/mail";
import {
  isResetLinkLive,
  resetPassword,
  resetRequestLimits,
  sendResetLink,
} from "@/server/services/password-reset";
import { requestSignUp, signUpLinkEmail } from "@/server/services/sign-up";

/**
 * The doors to an account: sign in, sign up and finish it from the mailed link, ask for a
 * reset link and use it. Each names its limits and its handler; the edge reads the request
 * the same way for all of them. Whatever depends on whether an address has an account is
 * done after the answer, so every address is answered alike, in body and in time.
 */

// ─── Shared pieces ───────────────────────────────────────────────────────────────────────

/** What a form shows: a message per field, or one for the whole form. */
export interface FormResult {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
}

/**
 * A form that did not parse, as a 400: each field's problem by its name, and a problem
 * with the whole body (a field the form does not have, no object at all) as the form's.
 */
function invalid(error: z.ZodError) {
  const { formErrors, fieldErrors } = error.flatten();
  const formError = formErrors[0];
  return json(400, { fieldErrors, ...(formError ? { formError } : {}) } satisfies FormResult);
}

/** A JSON answer carrying the cookies Auth.js set (the session, after a sign-in). */
function withCookies(status: number, body: object, cookies: AuthCookie[]): Response {
  const response = NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
  for (const cookie of cookies) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

let deliver: (mail: Mail) => Promise<unknown> = sendMailQuietly;

/** Tests send the doors' mail to their own SMTP server; the app sends it by the settings. */
export function useMailForTests(send: (mail: Mail) => Promise<unknown>): void {
  deliver = send;
}

const running = new Set<Promise<void>>();

/**
 * Work that depends on the address asked about, done once the answer has gone: Next's
 * `after()` inside a request. Outside one (tests, scripts) the work still starts only after
 * the handler has answered, and `afterAnswerSettled()` waits for it. A failure is logged,
 * never shown: the person has already been told the same as everyone.
 */
export function afterAnswer(doorName: string, work: () => Promise<unknown>): void {
  const run = async () => {
    try {
      await work();
    } catch (e) {
      log.error({ door: doorName, error: loggableError(e) }, "work after the answer failed");
    }
  };
  try {
    after(run);
    return;
  } catch {
    // Not inside a Next request.
  }
  const pending = new Promise<void>((resolve) => setImmediate(resolve)).then(run);
  running.add(pending);
  void pending.finally(() => running.delete(pending));
}

/** Resolves once all work started by afterAnswer() outside a Next request has finished. */
export async function afterAnswerSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

// ─── Sign in ─────────────────────────────────────────────────────────────────────────────

/**
 * Sign-in: 200 signed in (the session cookie is set), 400 a field to fix, 401 a wrong
 * e-mail or password (one message for both), 429 with Retry-After while this e-mail and
 * address are locked out, 503 when the database is away. The limits are counted inside
 * the credential check itself (server/auth/sign-in.ts), whichever way it is reached.
 */
export const signInDoor = door({ name: "sign-in" }, async ({ request }) => {
  requireJson(request);
  const parsed = signInInput.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  const cookies = await signInThroughAuthjs(request, "credentials", parsed.data);
  return withCookies(200, { ok: true }, cookies);
});

// ─── Sign up ─────────────────────────────────────────────────────────────────────────────

/**
 * Starts a sign-up from an address alone. Every address gets the same 200 at once ("check
 * your inbox"); the mail, a link to finish or "you already have an account", goes after
 * the answer, at most one per address per 15 minutes. 429 past the per-address limit.
 */
export const signUpDoor = door({ name: "sign-up" }, async ({ request, db, address }) => {
  requireJson(request);
  const parsed = startSignUpInput.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  await countLimits([["signUpPerAddress", limitKeyForAddress(address)]]);
  const appUrl = linkBase(request.headers);
  afterAnswer("sign-up", () => requestSignUp(db, parsed.data, { appUrl, send: deliver }));
  return json(200, { ok: true });
});

/**
 * Finishes a sign-up from the mailed link: the person who opened it chooses the name and
 * password, the account is made and this device signed in. 404 for a dead link, 409 when
 * the address got an account meanwhile, 400 for a field to fix.
 */
export const finishSignUpDoor = door({ name: "finish-sign-up" }, async ({ request }) => {
  requireJson(request);
  const parsed = await finishSignUpInput.safeParseAsync(await readJson(request));
  if (!parsed.success) {
    if (parsed.error.flatten().fieldErrors.token) {
      throw new AppError("NOT_FOUND", "This link has expired or was already used.");
    }
    return invalid(parsed.error);
  }
  const cookies = await signInThroughAuthjs(request, "welcome", parsed.data);
  return withCookies(200, { ok: true }, cookies);
});

/** For the page the link opens: the address it was sent to, or null when it is dead. */
export async function signUpLinkAddress(token: string): Promise<string | null> {
  return signUpLinkEmail(await edgeDb(), token);
}

// ─── Forgotten password ──────────────────────────────────────────────────────────────────

/** The one answer to every reset request, whether or not an account uses the address. */
export const RESET_REQUESTED =
  "If an account uses that address, we've sent a link. It works for 30 minutes.";

/**
 * Asks for a reset link: 200 the same for every address, at once; the link and its mail
 * follow the answer when an account uses the address. 429 with Retry-After past a limit.
 */
export const forgotPasswordDoor = door({ name: "forgot" }, async ({ request, db, address }) => {
  requireJson(request);
  const parsed = forgotPasswordInput.safeParse(await readJson(request));
  if (!parsed.success) return invalid(parsed.error);
  const { email } = parsed.data;
  await countLimits(resetRequestLimits(email, address));
  const appUrl = linkBase(request.headers);
  afterAnswer("forgot", () => sendResetLink(db, email, { appUrl, send: deliver }));
  return json(200, { done: RESET_REQUESTED });
});

/** For the page a reset link opens. */
export async function resetLinkIsLive(token: string): Promise<boolean> {
  return isResetLinkLive(await edgeDb(), token);
}

export interface ResetResult extends FormResult {
  /** The link was unknown, used or expired: show that instead of the form. */
  expired?: boolean;
}

/**
 * The reset form, for its server action: null once the password is changed, else what the
 * form shows. A dead link is `expired`; anything else is told as the edge tells it.
 */
export async function resetPasswordForm(values: unknown): Promise<ResetResult | null> {
  const parsed = await resetPasswordInput.safeParseAsync(values);
  if (!parsed.success) {
    const { token, ...fieldErrors } = parsed.error.flatten().fieldErrors;
    return token ? { expired: true } : { fieldErrors };
  }
  try {
    await resetPassword(await edgeDb(), parsed.data);
    return null;
  } catch (e) {
    const problem = problemOf(e, { door: "reset-password" });
    if (problem.status === 404) return { expired: true };
    return problem.field
      ? { fieldErrors: { [problem.field]: [problem.message] } }
      : { formError: problem.message };
  }
}

// ─── Auth.js's own endpoints ─────────────────────────────────────────────────────────────

/**
 * Auth.js's HTTP endpoints (/api/auth/*) are closed: Rekindle signs in and out on the
 * server, through the doors above and server actions, and reads sessions itself. Left
 * open, callback/credentials would take password guesses outside any of these doors.
 */
export const authjsEndpoint = door<{ nextauth: string[] }>({ name: "authjs" }, async () => {
  throw new AppError("NOT_FOUND", "Not found.");
});
