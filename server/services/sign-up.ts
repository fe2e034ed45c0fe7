import "#server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { pendingSignUps, users } from "@/db/schema";
import type { finishSignUpInput, startSignUpInput } from "@/lib/schemas/account";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { type Limits, RateLimitedError, limits as sharedLimits } from "@/server/limits";
import { type Mail, sendMail } from "@/server/mail";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";

type StartSignUp = z.output<typeof startSignUpInput>;
type FinishSignUp = z.output<typeof finishSignUpInput>;

/** A sign-up link works once, for a day. */
export const SIGN_UP_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const SIGN_UP_LINK_EXPIRED = "This link has expired or was already used.";

export const ALREADY_SIGNED_UP = "This address already has an account. Please sign in instead.";

export interface SignUpRequestOptions {
  /** The start of links in the mail: APP_URL, or the origin the request came to. */
  appUrl: string;
  /** Sends the mail; the sign-up door sends after its answer is out. */
  send?: (mail: Mail) => unknown;
  /** The counters for one mail per address per 15 minutes; the process's by default. */
  limits?: Limits;
  now?: Date;
}

/**
 * To an address that has proved nothing yet, so every word is Rekindle's own: the form
 * that asked for it takes no name and no message, only the address.
 */
function finishMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Finish creating your Rekindle account",
    text: [
      "Hello,",
      "",
      "Someone, probably you, asked to create a Rekindle account with this address. To finish, open this link and choose your name and password:",
      "",
      link,
      "",
      "It works once, for 24 hours. If it wasn't you, ignore this mail: nothing is made without the link.",
      "",
      "Rekindle",
    ].join("\n"),
  };
}

/**
 * For an address that already has an account. In discreet mode neither the subject nor the
 * text names Rekindle: a preview on a shared screen should say nothing.
 */
function alreadyThereMail(
  to: string,
  account: { displayName: string; discreet: boolean },
  appUrl: string,
): Mail {
  const what = account.discreet ? "an account" : "a Rekindle account";
  return {
    to,
    discreet: account.discreet,
    subject: account.discreet ? "About your account" : "You already have a Rekindle account",
    text: [
      `Hi ${account.displayName},`,
      "",
      `Someone, probably you, tried to create ${what} with this address. You already have one, so nothing new was made.`,
      "",
      `To sign in: ${appUrl}/sign-in`,
      `If you've forgotten your password: ${appUrl}/forgot`,
      "",
      "If it wasn't you, you can ignore this mail. Your account is unchanged.",
      ...(account.discreet ? [] : ["", "Rekindle"]),
    ].join("\n"),
  };
}

/**
 * The part of a sign-up that depends on the address, run after everyone has been given the
 * same answer. One mail per address per 15 minutes, whoever asks: past that nothing is
 * sent or stored. A new address gets a link to finish; one with an account, a mail saying
 * so. No password is taken here: whoever opens the link chooses it (finishSignUp).
 */
export async function requestSignUp(
  db: Db,
  input: StartSignUp,
  options: SignUpRequestOptions,
): Promise<void> {
  const now = options.now ?? new Date();
  const send = options.send ?? sendMail;
  try {
    await (options.limits ?? (await sharedLimits())).consume("signUpMailPerEmail", input.email);
  } catch (e) {
    if (RateLimitedError.is(e)) return;
    throw e;
  }
  const [existing] = await db
    .select({ displayName: users.displayName, discreet: users.discreet })
    .from(users)
    .where(eq(users.email, input.email));
  if (existing) {
    await send(alreadyThereMail(input.email, existing, options.appUrl));
    return;
  }
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .delete(pendingSignUps)
      .where(and(eq(pendingSignUps.email, input.email), lte(pendingSignUps.expiresAt, now)));
    await tx.insert(pendingSignUps).values({
      email: input.email,
      timeZone: input.timeZone,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_LIFETIME_MS),
      createdAt: now,
    });
  });
  await send(finishMail(input.email, `${options.appUrl}/welcome/${token}`));
}

/** The address a live sign-up link was sent to, or null when it is unknown, used or old. */
export async function signUpLinkEmail(
  db: Db,
  token: string,
  now = new Date(),
): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({ email: pendingSignUps.email })
    .from(pendingSignUps)
    .where(and(eq(pendingSignUps.tokenHash, hashToken(token)), gt(pendingSignUps.expiresAt, now)));
  return row?.email ?? null;
}

/**
 * Makes the account a live link was sent for, with the name and password chosen by whoever
 * opened it (the one person who proved the address), and spends the link and every other
 * one for that address. Of two uses at once, one finds the link already spent: NOT_FOUND,
 * like an unknown or old link. When the address got an account meanwhile: CONFLICT.
 */
export async function finishSignUp(
  db: Db,
  input: FinishSignUp,
  now = new Date(),
): Promise<{ userId: string }> {
  if (!(await signUpLinkEmail(db, input.token, now))) {
    throw new AppError("NOT_FOUND", SIGN_UP_LINK_EXPIRED);
  }
  // Hashing takes a moment: done before the transaction, so no row waits on it.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingSignUps)
      .where(
        and(
          eq(pendingSignUps.tokenHash, hashToken(input.token)),
          gt(pendingSignUps.expiresAt, now),
        ),
      )
      .returning({ email: pendingSignUps.email, timeZone: pendingSignUps.timeZone });
    if (!pending) throw new AppError("NOT_FOUND", SIGN_UP_LINK_EXPIRED);
    await tx.delete(pendingSignUps).where(eq(pendingSignUps.email, pending.email));
    const [user] = await tx
      .insert(users)
      .values({
        email: pending.email,
        displayName: input.displayName,
        timeZone: pending.timeZone,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) throw new AppError("CONFLICT", ALREADY_SIGNED_UP);
    return { userId: user.id };
  });
}
