import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import {
  deleteSession,
  hashSessionId,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_MAX_AGE_SECONDS,
} from "@/server/auth/sessions";
import { setupTestDb } from "../helpers/db";
import { callerFor, createUser, signedInUser, signIn } from "../helpers/users";

const t = setupTestDb();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const signedInAt = new Date("2031-03-01T09:00:00Z");
const signedInAtPlus = (ms: number) => new Date(signedInAt.getTime() + ms);

/** What the next request carrying `sessionId` gets from account.me at time `now`. */
const meAt = async (sessionId: string, now?: Date) =>
  (await callerFor(t.db, sessionId, now)).account.me();

const UNAUTHORIZED = { code: "UNAUTHORIZED", message: "Please sign in again to continue." };

describe("a revoked session", () => {
  it("is refused on its next request after signing out", async () => {
    const sam = await signedInUser(t.db);
    expect(await meAt(sam.sessionId)).toMatchObject({ email: sam.email });
    await deleteSession(t.db, sam.sessionId);
    await expect(meAt(sam.sessionId)).rejects.toMatchObject(UNAUTHORIZED);
  });

  it("is refused on every device after 'sign out everywhere'", async () => {
    const sam = await signedInUser(t.db);
    const phone = await signIn(t.db, sam.userId);
    expect(await sam.caller.account.signOutEverywhere()).toEqual({ ended: 2 });
    await expect(meAt(sam.sessionId)).rejects.toMatchObject(UNAUTHORIZED);
    await expect(meAt(phone)).rejects.toMatchObject(UNAUTHORIZED);
  });

  it("is refused once its account is gone", async () => {
    const sam = await signedInUser(t.db);
    await t.db.delete(users).where(eq(users.id, sam.userId));
    await expect(meAt(sam.sessionId)).rejects.toMatchObject(UNAUTHORIZED);
    expect(await t.db.$count(sessions)).toBe(0);
  });
});

describe("session ids", () => {
  it("are new on every sign-in, and only their hash is stored", async () => {
    const user = await createUser(t.db);
    const first = await signIn(t.db, user.userId);
    const second = await signIn(t.db, user.userId);
    expect(first).not.toBe(second);
    expect(Buffer.from(first, "base64url")).toHaveLength(32);
    const stored = await t.db.select({ idHash: sessions.idHash }).from(sessions);
    expect(stored.map((s) => s.idHash).sort()).toEqual(
      [hashSessionId(first), hashSessionId(second)].sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(first);
  });

  it("that were never issued are refused", async () => {
    await signedInUser(t.db); // a live session exists, so "any row will do" would not pass
    await expect(meAt("made-up-session-id")).rejects.toMatchObject(UNAUTHORIZED);
  });
});

describe("session lifetime (fake clock)", () => {
  it("ends a session left unused for longer than the idle timeout, and deletes its row", async () => {
    const user = await createUser(t.db);
    const sid = await signIn(t.db, user.userId, signedInAt);
    await expect(meAt(sid, signedInAtPlus(SESSION_IDLE_TIMEOUT_MS + MINUTE))).rejects.toMatchObject(
      UNAUTHORIZED,
    );
    expect(await t.db.$count(sessions)).toBe(0);
    // The clock going back does not bring it back.
    await expect(meAt(sid, signedInAtPlus(MINUTE))).rejects.toMatchObject(UNAUTHORIZED);
  });

  it("keeps a session that is used, past the idle timeout counted from sign-in", async () => {
    const user = await createUser(t.db);
    const sid = await signIn(t.db, user.userId, signedInAt);
    expect(await meAt(sid, signedInAtPlus(SESSION_IDLE_TIMEOUT_MS - MINUTE))).toMatchObject({
      email: user.email,
    });
    expect(await meAt(sid, signedInAtPlus(SESSION_IDLE_TIMEOUT_MS + MINUTE))).toMatchObject({
      email: user.email,
    });
  });

  it("ends a session at its absolute lifetime however recently it was used", async () => {
    const user = await createUser(t.db);
    const sid = await signIn(t.db, user.userId, signedInAt);
    for (const day of [10, 20, 29]) {
      expect(await meAt(sid, signedInAtPlus(day * DAY))).toMatchObject({ email: user.email });
    }
    const maxAge = SESSION_MAX_AGE_SECONDS * 1000;
    expect(await meAt(sid, signedInAtPlus(maxAge - MINUTE))).toMatchObject({ email: user.email });
    await expect(meAt(sid, signedInAtPlus(maxAge + MINUTE))).rejects.toMatchObject(UNAUTHORIZED);
  });
});
