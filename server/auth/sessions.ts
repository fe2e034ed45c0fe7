import "#server-only";
import { and, desc, eq, gt, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { sessions, users } from "@/db/schema";
import type { WeekStartChoice } from "@/lib/stats/locale";
import type { Tx } from "@/server/services/common";
import { hashToken, newToken } from "@/server/tokens";

/** A session ends 30 days after sign-in, whatever the activity. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** A session unused for 14 days ends. */
export const SESSION_IDLE_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most this often, so reading a session is usually one query. */
export const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  timeZone: string;
  /** Discreet mode: pages read it to hide the ex's name and use a neutral title. */
  discreet: boolean;
  /** The week's first day as chosen in Settings; "auto" follows the request's language. */
  weekStart: WeekStartChoice;
  /** The person chose to hide the "who reaches out" score wherever it shows. */
  hideInitiative: boolean;
}

export interface ActiveSession {
  idHash: string;
  user: SessionUser;
}

export const hashSessionId = hashToken;

/** Creates a session row and returns the random id (256 bits) the cookie will carry. */
export async function createSession(
  db: Db,
  userId: string,
  meta: { userAgent?: string } = {},
  now = new Date(),
): Promise<string> {
  const sessionId = newToken();
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

/** The session and its user by the id's hash: sent on every signed-in request. */
function sessionStatement(db: Db) {
  return db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      timeZone: users.timeZone,
      discreet: users.discreet,
      weekStart: users.weekStart,
      hideInitiative: users.hideInitiative,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare("session_lookup");
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
  const [row] = await prepared(db, "session", () => sessionStatement(db)).execute({ idHash });
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

/** A session row for the settings list. */
export interface UserSession {
  /** The public id (sessions.id), for ending this one session. */
  id: string;
  /** Only to tell which row is the caller's own; never sent to the client. */
  idHash: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A user's sessions that could still be used, most recently used first. */
export function listUserSessions(db: Tx, userId: string, now = new Date()): Promise<UserSession[]> {
  return db
    .select({
      id: sessions.id,
      idHash: sessions.idHash,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends one of a user's sessions by its public id; false when the user has no such session. */
export async function deleteUserSession(db: Tx, userId: string, id: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of a user, or every one but `keepIdHash`. Returns how many ended. */
export async function deleteUserSessions(
  db: Tx,
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

// ─── Devices ─────────────────────────────────────────────────────────────────────────────

/** Checked in order: Edge, Opera and Samsung Internet also call themselves Chrome and Safari. */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOPiOS\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\b(?:Headless)?Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];

/** Checked in order: iPhones say "like Mac OS X", Android says "Linux". */
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\biPod\b/, "iPod"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMacintosh\b|\bMac OS X\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (userAgent: string, list: typeof BROWSERS) =>
  list.find(([pattern]) => pattern.test(userAgent))?.[1];

/**
 * A short, readable name for the device behind a user agent ("Chrome on Android"), for the
 * list of sessions. A guess is enough here: it only helps a person recognise their devices.
 */
export function describeDevice(userAgent: string): string {
  const browser = firstMatch(userAgent, BROWSERS);
  const system = firstMatch(userAgent, SYSTEMS);
  if (browser && system) return `${browser} on ${system}`;
  if (system) return `Browser on ${system}`;
  return browser ?? "Unknown device";
}
