import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { deleteUserSessions } from "@/server/auth/sessions";
import { AppError } from "@/server/errors";
import type { Profile, signUpInput, updateProfileInput } from "@/server/schemas/account";
import type { Actor } from "./common";

type SignUp = z.output<typeof signUpInput>;
type UpdateProfile = z.output<typeof updateProfileInput>;

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

export async function getProfile(db: Db, actor: Actor): Promise<Profile> {
  const [row] = await db.select(profileColumns).from(users).where(eq(users.id, actor.userId));
  if (!row) throw new AppError("NOT_FOUND", "We could not find your account.");
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

export async function signOutEverywhere(db: Db, actor: Actor): Promise<{ ended: number }> {
  return { ended: await deleteUserSessions(db, actor.userId) };
}
