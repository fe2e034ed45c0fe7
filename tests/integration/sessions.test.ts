import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import {
  createSession,
  deleteSession,
  hashSessionId,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_MAX_AGE_SECONDS,
} from "@/server/auth/sessions";
import { listSessions } from "@/server/services/account";
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

const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const LAPTOP_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
const TABLET_UA =
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1";

/** One person signed in on a laptop (the caller), a phone and a tablet, a minute apart. */
async function threeDevices() {
  const user = await createUser(t.db);
  const laptop = await createSession(t.db, user.userId, { userAgent: LAPTOP_UA }, signedInAt);
  const phone = await createSession(
    t.db,
    user.userId,
    { userAgent: PHONE_UA },
    signedInAtPlus(MINUTE),
  );
  const tablet = await createSession(
    t.db,
    user.userId,
    { userAgent: TABLET_UA },
    signedInAtPlus(2 * MINUTE),
  );
  const at = signedInAtPlus(3 * MINUTE);
  return { user, laptop, phone, tablet, at, caller: await callerFor(t.db, laptop, at) };
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("the list of sessions", () => {
  it("shows every signed-in device, this one first and marked, named from its user agent", async () => {
    const { caller } = await threeDevices();
    const list = await caller.account.sessions();
    expect(list.map(({ device, current }) => ({ device, current }))).toEqual([
      { device: "Safari on Mac", current: true },
      { device: "Safari on iPad", current: false },
      { device: "Chrome on Android", current: false },
    ]);
    expect(list[0]?.createdAt).toEqual(signedInAt);
    expect(list[2]?.lastSeenAt).toEqual(signedInAtPlus(MINUTE));
  });

  it("names sessions by an id that is neither the cookie's id nor its hash", async () => {
    const { user, laptop, phone, tablet, caller } = await threeDevices();
    const list = await caller.account.sessions();
    const shown = JSON.stringify(list);
    for (const sid of [laptop, phone, tablet]) {
      expect(shown).not.toContain(sid);
      expect(shown).not.toContain(hashSessionId(sid));
    }
    expect(shown).not.toContain(user.userId);
    for (const session of list) {
      expect(session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(list.map((s) => s.id)).size).toBe(3);
  });

  it("leaves out sessions left unused for longer than the idle timeout", async () => {
    const { user, laptop } = await threeDevices();
    // The laptop keeps being used; the phone and the tablet are left alone.
    await meAt(laptop, signedInAtPlus(SESSION_IDLE_TIMEOUT_MS - MINUTE));
    const later = signedInAtPlus(SESSION_IDLE_TIMEOUT_MS + 5 * MINUTE);
    const actor = { userId: user.userId };
    const list = await listSessions(t.db, actor, { idHash: hashSessionId(laptop) }, later);
    expect(list.map((s) => s.device)).toEqual(["Safari on Mac"]);
  });

  it("shows another person none of them", async () => {
    await threeDevices();
    const other = await signedInUser(t.db);
    const list = await other.caller.account.sessions();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ current: true, device: "Unknown device" });
  });
});

describe("ending one session", () => {
  it("signs that device out on its next request and leaves the others", async () => {
    const { phone, tablet, laptop, at, caller } = await threeDevices();
    const list = await caller.account.sessions();
    const phoneRow = list.find((s) => s.device === "Chrome on Android");
    expect(await caller.account.endSession({ id: phoneRow?.id ?? "" })).toEqual({
      id: phoneRow?.id,
    });
    await expect(meAt(phone, at)).rejects.toMatchObject(UNAUTHORIZED);
    for (const sid of [laptop, tablet]) expect(await meAt(sid, at)).toBeTruthy();
    expect((await caller.account.sessions()).map((s) => s.device)).toEqual([
      "Safari on Mac",
      "Safari on iPad",
    ]);
  });

  it("answers NOT_FOUND for a session already ended, or never there", async () => {
    const { caller } = await threeDevices();
    const [, tablet] = await caller.account.sessions();
    await caller.account.endSession({ id: tablet?.id ?? "" });
    for (const id of [tablet?.id ?? "", "00000000-0000-4000-8000-000000000000"]) {
      const error = await errorOf(caller.account.endSession({ id }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("We couldn't find that session. It may have ended already.");
    }
  });

  it("refuses an id that is not a session id, by its field", async () => {
    const { caller, laptop } = await threeDevices();
    for (const id of ["", "not-an-id", hashSessionId(laptop)]) {
      const error = await errorOf(caller.account.endSession({ id }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("id");
    }
    expect(await t.db.$count(sessions)).toBe(3);
  });
});

describe("signing out of all other devices", () => {
  it("ends every session but this one", async () => {
    const { laptop, phone, tablet, at, caller } = await threeDevices();
    const other = await signedInUser(t.db);
    expect(await caller.account.endOtherSessions()).toEqual({ ended: 2 });
    for (const sid of [phone, tablet]) {
      await expect(meAt(sid, at)).rejects.toMatchObject(UNAUTHORIZED);
    }
    expect(await meAt(laptop, at)).toBeTruthy();
    expect(await other.caller.account.me()).toMatchObject({ email: other.email });
    expect(await caller.account.endOtherSessions()).toEqual({ ended: 0 });
  });
});
