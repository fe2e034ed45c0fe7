import "#server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { buddyLinks, sessions, users } from "@/db/schema";
import type {
  changePasswordInput,
  deleteAccountInput,
  discreetInput,
  hideInitiativeInput,
  Profile,
  SessionView,
  sessionIdInput,
  signUpInput,
  updateProfileInput,
  weekStartInput,
} from "@/lib/schemas/account";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import {
  deleteUserSession,
  deleteUserSessions,
  describeDevice,
  listUserSessions,
} from "@/server/auth/sessions";
import { AppError } from "@/server/errors";
import type { Actor } from "./common";

type SignUp = z.output<typeof signUpInput>;
type UpdateProfile = z.output<typeof updateProfileInput>;
type SessionIdInput = z.output<typeof sessionIdInput>;
type ChangePassword = z.output<typeof changePasswordInput>;
type DeleteAccount = z.output<typeof deleteAccountInput>;
type Discreet = z.output<typeof discreetInput>;
type WeekStart = z.output<typeof weekStartInput>;
type HideInitiative = z.output<typeof hideInitiativeInput>;

/** The session a request came from, which some actions keep and the list marks. */
export interface CurrentSession {
  idHash: string;
}

/**
 * Creates an account. A taken address gets a clear message on the field; the sign-up form
 * is where a person needs to know, and sign-in still answers alike for every address.
 */
export async function createAccount(db: Db, input: SignUp): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({
      email: input.email,
      displayName: input.displayName,
      timeZone: input.timeZone,
      passwordHash,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!row) {
    throw new AppError(
      "CONFLICT",
      "An account with this e-mail already exists. Try signing in instead.",
      "email",
    );
  }
  return { userId: row.id };
}

/** The user id for a correct e-mail and password, else null; the same work either way. */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  const ok = await verifyPassword(row?.passwordHash ?? null, password);
  return ok && row ? row.id : null;
}

const profileColumns = {
  displayName: users.displayName,
  email: users.email,
  timeZone: users.timeZone,
  version: users.version,
};

const accountGone = () => new AppError("NOT_FOUND", "We could not find your account.");

export async function getProfile(db: Db, actor: Actor): Promise<Profile> {
  const [row] = await db.select(profileColumns).from(users).where(eq(users.id, actor.userId));
  if (!row) throw accountGone();
  return row;
}

/** Saves the profile only if nobody saved it since the form was loaded. */
export async function updateProfile(db: Db, actor: Actor, input: UpdateProfile): Promise<Profile> {
  const [row] = await db
    .update(users)
    .set({
      displayName: input.displayName,
      timeZone: input.timeZone,
      version: input.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, actor.userId), eq(users.version, input.version)))
    .returning(profileColumns);
  if (row) return row;
  await getProfile(db, actor); // NOT_FOUND if the account is gone
  throw new AppError(
    "CONFLICT",
    "Your profile was changed on another device. Reload to see the newest version, then save again.",
  );
}

/**
 * Turns discreet mode on or off. Not versioned like the profile: the last tap wins, which
 * is what someone hiding their screen in a hurry means.
 */
export async function setDiscreet(db: Db, actor: Actor, input: Discreet): Promise<Discreet> {
  const [row] = await db
    .update(users)
    .set({ discreet: input.discreet, updatedAt: new Date() })
    .where(eq(users.id, actor.userId))
    .returning({ discreet: users.discreet });
  if (!row) throw accountGone();
  return row;
}

/**
 * Hides or shows the "who reaches out" score. For some people counting who texted first
 * feeds rumination; the choice is theirs alone, so nothing else turns it back on.
 */
export async function setHideInitiative(
  db: Db,
  actor: Actor,
  input: HideInitiative,
): Promise<HideInitiative> {
  const [row] = await db
    .update(users)
    .set({ hideInitiative: input.hideInitiative, updatedAt: new Date() })
    .where(eq(users.id, actor.userId))
    .returning({ hideInitiative: users.hideInitiative });
  if (!row) throw accountGone();
  return row;
}

/** Sets the week's first day for the calendar, the weekly charts and weekly counts. */
export async function setWeekStart(db: Db, actor: Actor, input: WeekStart): Promise<WeekStart> {
  const [row] = await db
    .update(users)
    .set({ weekStart: input.weekStart, updatedAt: new Date() })
    .where(eq(users.id, actor.userId))
    .returning({ weekStart: users.weekStart });
  if (!row) throw accountGone();
  return row;
}

/**
 * Checks a password typed again before something that can't be taken back, and answers
 * the stored hash it matched. A wrong one is a message on the field it was typed in.
 */
async function confirmPassword(
  db: Db,
  actor: Actor,
  password: string,
  wrong: { field: string; message: string },
): Promise<string> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!row) throw accountGone();
  if (!(await verifyPassword(row.passwordHash, password))) {
    throw new AppError("BAD_REQUEST", wrong.message, wrong.field);
  }
  return row.passwordHash;
}

// ─── Sessions ───────────────────────────────────────────────────────────────────────────

/** Every device signed in to the account, this one first. */
export async function listSessions(
  db: Db,
  actor: Actor,
  current: CurrentSession,
  now = new Date(),
): Promise<SessionView[]> {
  const rows = await listUserSessions(db, actor.userId, now);
  const views = rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.idHash === current.idHash,
  }));
  return views.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the caller's sessions; another person's is simply not found. */
export async function endSession(
  db: Db,
  actor: Actor,
  input: SessionIdInput,
): Promise<{ id: string }> {
  if (!(await deleteUserSession(db, actor.userId, input.id))) {
    throw new AppError("NOT_FOUND", "We couldn't find that session. It may have ended already.");
  }
  return { id: input.id };
}

/** Signs out every other device and keeps this one. */
export async function endOtherSessions(
  db: Db,
  actor: Actor,
  current: CurrentSession,
): Promise<{ ended: number }> {
  return { ended: await deleteUserSessions(db, actor.userId, current.idHash) };
}

/** Ends every session, this one included: the caller signs out afterwards. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<{ ended: number }> {
  return { ended: await deleteUserSessions(db, actor.userId) };
}

// ─── Password ───────────────────────────────────────────────────────────────────────────

/**
 * Sets a new password after checking the current one, and signs out every other device,
 * since whoever knew the old password may be on one of them. This device stays signed in.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  current: CurrentSession,
  input: ChangePassword,
): Promise<{ ended: number }> {
  const oldHash = await confirmPassword(db, actor, input.currentPassword, {
    field: "currentPassword",
    message: "That isn't your current password. Please check it and try again.",
  });
  // Hashing takes a moment: done before the transaction, so no row waits on it.
  const newHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash: newHash, updatedAt: new Date() })
      .where(and(eq(users.id, actor.userId), eq(users.passwordHash, oldHash)))
      .returning({ id: users.id });
    if (!changed) {
      throw new AppError(
        "CONFLICT",
        "Your password was changed on another device a moment ago, so nothing changed here. Please sign in again with the new one.",
      );
    }
    return { ended: await deleteUserSessions(tx, actor.userId, current.idHash) };
  });
}

// ─── Deleting the account ───────────────────────────────────────────────────────────────

/**
 * Deletes the account and everything in it, in one transaction, after the password is
 * typed again. Sessions and buddy links go first and by name, so no device stays signed in
 * and no link opens, whatever happens to the schema's cascades; every other owned row goes
 * with the user row (each owner column cascades; tests/integration/account-data.test.ts
 * counts the rows of every table that points at users).
 */
export async function deleteAccount(
  db: Db,
  actor: Actor,
  input: DeleteAccount,
): Promise<{ deleted: true }> {
  await confirmPassword(db, actor, input.password, {
    field: "password",
    message: "That password isn't right. Please check it and try again.",
  });
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
    await tx.delete(buddyLinks).where(eq(buddyLinks.userId, actor.userId));
    const [gone] = await tx
      .delete(users)
      .where(eq(users.id, actor.userId))
      .returning({ id: users.id });
    if (!gone) throw accountGone();
  });
  return { deleted: true };
}
