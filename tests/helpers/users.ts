import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { type SignUpInput, signUpInput } from "@/lib/schemas/account";
import { createSession } from "@/server/auth/sessions";
import { authSecret } from "@/server/env";
import { createAccount } from "@/server/services/account";
import { createContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const DEFAULT_PASSWORD = "correct horse battery staple";

export interface TestUser {
  userId: string;
  /** As stored: trimmed and lower-cased by the sign-up schema. */
  email: string;
  displayName: string;
  password: string;
}

/**
 * Creates an account through the sign-up schema and service, as the sign-up form does.
 * Each call hashes a password with argon2 (about 50–100 ms): create what a test needs.
 */
export async function createUser(db: Db, input: Partial<SignUpInput> = {}): Promise<TestUser> {
  const parsed = await signUpInput.parseAsync({
    displayName: "Sam Tester",
    email: `sam-${randomUUID().slice(0, 8)}@example.com`,
    password: DEFAULT_PASSWORD,
    ...input,
  });
  const { userId } = await createAccount(db, parsed);
  return {
    userId,
    email: parsed.email,
    displayName: parsed.displayName,
    password: parsed.password,
  };
}

/** A signed-in device for `userId`: the session id its cookie would carry. */
export function signIn(db: Db, userId: string, now?: Date): Promise<string> {
  return createSession(db, userId, { userAgent: "vitest" }, now);
}

/** The tRPC caller a request carrying `sessionId` gets; the session is checked as on HTTP. */
export async function callerFor(db: Db, sessionId: string | null, now?: Date) {
  return createCaller(await createContext({ db, sessionId, now }));
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A new user, signed in on one device, and the caller for that device. */
export async function signedInUser(db: Db, input: Partial<SignUpInput> = {}) {
  const user = await createUser(db, input);
  const sessionId = await signIn(db, user.userId);
  return { ...user, sessionId, caller: await callerFor(db, sessionId) };
}

export const SESSION_COOKIE = "authjs.session-token";

/** The `cookie` header a browser signed in with `sessionId` sends (an Auth.js JWT). */
export async function sessionCookie(sessionId: string): Promise<string> {
  const jwt = await encode({
    token: { sid: sessionId },
    secret: authSecret(),
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${jwt}`;
}

/** A buddy link the caller shares: progress only, no expiry, the ex's name hidden. */
export function createBuddyLink(caller: Caller, label = "my sister") {
  return caller.buddies.create({
    idempotencyKey: randomUUID(),
    label,
    scope: "progress",
    expiry: "none",
    showExName: false,
  });
}
