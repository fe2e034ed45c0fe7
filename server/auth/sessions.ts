import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";

/** A session ends 30 days after sign-in, whatever the activity. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** A session unused for 14 days ends. */
export const SESSION_IDLE_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most this often, so reading a session is usually one query. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  timeZone: string;
}

export interface ActiveSession {
  idHash: string;
  user: SessionUser;
}

export const hashSessionId = (sessionId: string) =>
  createHash("sha256").update(sessionId).digest("base64url");

/** Creates a session row and returns the random id (256 bits) the cookie will carry. */
export async function createSession(
  db: Db,
  userId: string,
  meta: { userAgent?: string } = {},
  now = new Date(),
): Promise<string> {
  const sessionId = randomBytes(32).toString("base64url");
  // Sign-in is a good moment to drop this user's sessions that can never be used again.
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        or(
          lt(sessions.expiresAt, now),
          lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
        ),
      ),
    );
  await db.insert(sessions).values({
    idHash: hashSessionId(sessionId),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    userAgent: (meta.userAgent ?? "").slice(0, 300),
  });
  return sessionId;
}

/**
 * The session behind a cookie's id, or null when it was signed out, revoked, or is past its
 * idle or absolute limit. Runs on every authenticated request.
 */
export async function validateSession(
  db: Db,
  sessionId: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const idHash = hashSessionId(sessionId);
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      timeZone: users.timeZone,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (row.expiresAt <= now || idleFor > SESSION_IDLE_TIMEOUT_MS) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const { expiresAt: _e, lastSeenAt: _l, ...user } = row;
  return { idHash, user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashSessionId(sessionId)));
}

/** Ends every session of a user, or every one but `keepIdHash`. Returns how many ended. */
export async function deleteUserSessions(
  db: Db,
  userId: string,
  keepIdHash?: string,
): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), keepIdHash ? ne(sessions.idHash, keepIdHash) : undefined),
    )
    .returning({ idHash: sessions.idHash });
  return ended.length;
}
