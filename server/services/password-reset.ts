import "#server-only";
import { and, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import type { resetPasswordInput } from "@/lib/schemas/account";
import { hashPassword } from "@/server/auth/password";
import { deleteUserSessions } from "@/server/auth/sessions";
import { limitKeyForAddress } from "@/server/client-ip";
import { AppError } from "@/server/errors";
import { type LimitName, type Limits, limits as sharedLimits } from "@/server/limits";
import { type Mail, sendMail } from "@/server/mail";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";

type ResetPassword = z.output<typeof resetPasswordInput>;

/** A reset link works once, for this long. */
export const RESET_LINK_LIFETIME_MS = 30 * 60 * 1000;

export const RESET_LINK_EXPIRED = "This link has expired.";

export interface ResetRequestOptions {
  /** The start of the link: APP_URL, or the origin the request came to. No trailing slash. */
  appUrl: string;
  /** The client's address, for the per-address limit. */
  address: string;
  /**
   * Sends the mail. The forgot form passes one that sends after the answer has gone out,
   * so how long the answer takes does not tell whether a mail was sent.
   */
  send?: (mail: Mail) => unknown;
  limits?: Limits;
  now?: Date;
}

/** The subject was always neutral; in discreet mode the text does not name Rekindle either. */
function resetMail(
  to: string,
  account: { displayName: string; discreet: boolean },
  link: string,
): Mail {
  const what = account.discreet ? "your account" : "your Rekindle account";
  return {
    to,
    discreet: account.discreet,
    subject: "Reset your password",
    text: [
      `Hi ${account.displayName},`,
      "",
      `Someone asked to reset the password of ${what}. If it was you, choose a new password here:`,
      "",
      link,
      "",
      "The link works once, for 30 minutes. Using it signs you out on every device.",
      "",
      "If you didn't ask, you can ignore this mail. Your password stays as it is.",
      ...(account.discreet ? [] : ["", "Rekindle"]),
    ].join("\n"),
  };
}

/** The limits a reset request counts, per client address and per e-mail, known or not. */
export const resetRequestLimits = (email: string, address: string) =>
  [
    ["passwordResetPerAddress", limitKeyForAddress(address)],
    ["passwordResetPerEmail", email],
  ] as [LimitName, string][];

/**
 * Asks for a reset link: counts the request per address and per e-mail, known or not, then
 * sends the link when an account uses `email`. Answers nothing either way: the caller tells
 * every address the same. The forgot door counts first and sends after its answer is out.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  options: ResetRequestOptions,
): Promise<void> {
  await (options.limits ?? (await sharedLimits())).consumeAll(
    resetRequestLimits(email, options.address),
  );
  await sendResetLink(db, email, options);
}

/**
 * The part of a reset request that depends on the address: a link and a mail when an
 * account uses `email`, nothing otherwise. Run after the answer, so its time tells nothing.
 */
export async function sendResetLink(
  db: Db,
  email: string,
  options: Pick<ResetRequestOptions, "appUrl" | "send" | "now">,
): Promise<void> {
  const now = options.now ?? new Date();
  const token = newToken();
  const tokenHash = hashToken(token);
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName, discreet: users.discreet })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return;
  await db.transaction(async (tx) => {
    // Links that can never work again go; earlier live ones keep working until used.
    await tx
      .delete(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          or(isNotNull(passwordResets.usedAt), lte(passwordResets.expiresAt, now)),
        ),
      );
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash,
      expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS),
      createdAt: now,
    });
  });
  await (options.send ?? sendMail)(resetMail(email, user, `${options.appUrl}/reset/${token}`));
}

const live = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );

/** Whether a reset link can still be used, for showing its form or the expired message. */
export async function isResetLinkLive(db: Db, token: string, now = new Date()): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(live(hashToken(token), now));
  return row !== undefined;
}

/**
 * Sets a new password through a live link, spends that link and every other one of the
 * account, and ends every session: whoever had the old password is signed out everywhere.
 * An unknown, used or expired link is NOT_FOUND, all alike.
 */
export async function resetPassword(
  db: Db,
  input: ResetPassword,
  now = new Date(),
): Promise<{ endedSessions: number }> {
  const tokenHash = hashToken(input.token);
  if (!(await isResetLinkLive(db, input.token, now))) {
    throw new AppError("NOT_FOUND", RESET_LINK_EXPIRED);
  }
  // Hashing takes a moment: done before the transaction, so no row waits on it.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Spending the link is the condition: of two uses at once, one finds it already spent.
    const [spent] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(live(tokenHash, now))
      .returning({ userId: passwordResets.userId });
    if (!spent) throw new AppError("NOT_FOUND", RESET_LINK_EXPIRED);
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, spent.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, spent.userId), isNull(passwordResets.usedAt)));
    return { endedSessions: await deleteUserSessions(tx, spent.userId) };
  });
}
