import { and, eq, gt, lte } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { pendingSignUps, users } from "@/db/schema";
import type { signUpInput } from "@/lib/schemas/account";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { type Mail, sendMail } from "@/server/mail";
import { hashToken, newToken } from "@/server/tokens";

type SignUp = z.output<typeof signUpInput>;

/** A sign-up link works once, for a day. */
export const SIGN_UP_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const SIGN_UP_LINK_EXPIRED = "This link has expired or was already used.";

export interface SignUpRequestOptions {
  /** The start of links in the mail: APP_URL, or the origin the request came to. */
  appUrl: string;
  /** Sends the mail; the sign-up form sends after its answer is out. */
  send?: (mail: Mail) => unknown;
  now?: Date;
}

function welcomeMail(to: string, name: string, link: string): Mail {
  return {
    to,
    subject: "Finish creating your Rekindle account",
    text: [
      `Hi ${name},`,
      "",
      "Open this link to finish creating your Rekindle account:",
      "",
      link,
      "",
      "It works once, for 24 hours. If you didn't sign up, ignore this mail: nothing is made without the link.",
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
 * Starts a sign-up and answers nothing, so the caller tells every address the same. A new
 * address gets a link that makes the account; an address with an account gets a mail
 * saying so. The password is hashed either way, so both take as long.
 */
export async function requestSignUp(
  db: Db,
  input: SignUp,
  options: SignUpRequestOptions,
): Promise<void> {
  const now = options.now ?? new Date();
  const send = options.send ?? sendMail;
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  const [existing] = await db
    .select({ displayName: users.displayName, discreet: users.discreet })
    .from(users)
    .where(eq(users.email, input.email));
  if (existing) {
    await send(alreadyThereMail(input.email, existing, options.appUrl));
    return;
  }
  await db.transaction(async (tx) => {
    await tx
      .delete(pendingSignUps)
      .where(and(eq(pendingSignUps.email, input.email), lte(pendingSignUps.expiresAt, now)));
    await tx.insert(pendingSignUps).values({
      email: input.email,
      displayName: input.displayName,
      timeZone: input.timeZone,
      passwordHash,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_LIFETIME_MS),
      createdAt: now,
    });
  });
  await send(welcomeMail(input.email, input.displayName, `${options.appUrl}/welcome/${token}`));
}

/** The name a live sign-up link was made for, or null when it is unknown, used or old. */
export async function signUpLinkName(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ displayName: pendingSignUps.displayName })
    .from(pendingSignUps)
    .where(and(eq(pendingSignUps.tokenHash, hashToken(token)), gt(pendingSignUps.expiresAt, now)));
  return row?.displayName ?? null;
}

/**
 * Makes the account a live link was sent for, and spends the link (and any other link
 * for that address). Of two uses at once, one finds the link already spent. When the
 * address got an account meanwhile, nothing is made: CONFLICT.
 */
export async function confirmSignUp(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ userId: string }> {
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingSignUps)
      .where(and(eq(pendingSignUps.tokenHash, hashToken(token)), gt(pendingSignUps.expiresAt, now)))
      .returning();
    if (!pending) throw new AppError("NOT_FOUND", SIGN_UP_LINK_EXPIRED);
    await tx.delete(pendingSignUps).where(eq(pendingSignUps.email, pending.email));
    const [user] = await tx
      .insert(users)
      .values({
        email: pending.email,
        displayName: pending.displayName,
        timeZone: pending.timeZone,
        passwordHash: pending.passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) {
      throw new AppError(
        "CONFLICT",
        "This address already has an account. Please sign in instead.",
      );
    }
    return { userId: user.id };
  });
}
