import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { signInInput } from "@/lib/schemas/account";
import { AppError } from "@/server/errors";
import { checkCredentials } from "@/server/services/account";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, send } from "../helpers/http";
import { ARGON2_PHC, UNICODE_PASSWORD, UNICODE_PASSWORD_LAST_CHANGED } from "../helpers/passwords";
import { callerFor, createUser, sessionCookie, signedInUser, signIn } from "../helpers/users";

const t = setupTestDb();

const userRow = async (userId: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.id, userId));
  return row;
};

/** Signs in as the sign-in form does: the schema first, then the credentials check. */
const signInWith = (email: string, password: string) => {
  const input = signInInput.parse({ email, password });
  return checkCredentials(t.db, input.email, input.password);
};

/** The error a promise rejected with, for checks on more than its message. */
async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("stored passwords", () => {
  it("are argon2id in PHC format with 19 MiB, 2 passes and one lane", async () => {
    const user = await createUser(t.db);
    const row = await userRow(user.userId);
    expect(row?.passwordHash).toMatch(ARGON2_PHC);
    expect(row?.passwordHash).not.toContain(user.password);
  });

  it("let a 100-byte Unicode password sign in, and not the same with its last character changed", async () => {
    expect(Buffer.byteLength(UNICODE_PASSWORD)).toBe(100);
    const user = await createUser(t.db, { password: UNICODE_PASSWORD });
    expect(await signInWith(user.email, UNICODE_PASSWORD)).toBe(user.userId);
    expect(await signInWith(user.email, UNICODE_PASSWORD_LAST_CHANGED)).toBeNull();
  });

  it("are never trimmed or case-folded, while the e-mail is", async () => {
    const password = " Leading and Trailing ";
    const user = await createUser(t.db, { email: "Casey@Example.com", password });
    expect(await signInWith("  CASEY@example.COM ", password)).toBe(user.userId);
    for (const wrong of [password.trim(), password.toLowerCase(), password.toUpperCase()]) {
      expect(await signInWith(user.email, wrong), JSON.stringify(wrong)).toBeNull();
    }
  });

  it("give no user id for an unknown address", async () => {
    await createUser(t.db, { email: "known@example.com" });
    expect(await signInWith("unknown@example.com", "whatever password")).toBeNull();
  });
});

describe("sign-up", () => {
  it("refuses an address already taken in another case, on the e-mail field, and adds no row", async () => {
    await createUser(t.db, { email: "Alex@Example.com" });
    const second = createUser(t.db, { email: "alex@example.com", displayName: "Another Alex" });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({
      code: "CONFLICT",
      field: "email",
      message: expect.stringContaining("already exists"),
    });
    const rows = await t.db.select({ name: users.displayName }).from(users);
    expect(rows).toEqual([{ name: "Sam Tester" }]);
  });

  it("makes one account when two sign-ups race for one address", async () => {
    const results = await Promise.allSettled([
      createUser(t.db, { email: "race@example.com" }),
      createUser(t.db, { email: "RACE@example.com" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", field: "email" },
    });
    expect(await t.db.$count(users)).toBe(1);
  });
});

describe("the profile", () => {
  it("shows the signed-in person their own profile and nothing else", async () => {
    const sam = await signedInUser(t.db, { displayName: "Sam", email: "sam@example.com" });
    const me = await sam.caller.account.me();
    expect(me).toEqual({
      displayName: "Sam",
      email: "sam@example.com",
      timeZone: "UTC",
      version: 1,
    });
  });

  it("saves a new name and time zone and moves to the next version", async () => {
    const sam = await signedInUser(t.db);
    const saved = await sam.caller.account.updateProfile({
      displayName: "  Samantha  ",
      timeZone: "America/Sao_Paulo",
      version: 1,
    });
    expect(saved).toMatchObject({
      displayName: "Samantha",
      timeZone: "America/Sao_Paulo",
      version: 2,
    });
    expect(await sam.caller.account.me()).toEqual(saved);
  });
});

describe("ownership", () => {
  it("lets a second user read and change only their own profile", async () => {
    const alice = await signedInUser(t.db, { displayName: "Alice", email: "alice@example.com" });
    const bob = await signedInUser(t.db, { displayName: "Bob", email: "bob@example.com" });
    const aliceBefore = await userRow(alice.userId);

    expect(await bob.caller.account.me()).toMatchObject({ email: "bob@example.com" });
    await bob.caller.account.updateProfile({
      displayName: "Mallory",
      timeZone: "Asia/Tokyo",
      version: 1,
    });
    expect(await userRow(bob.userId)).toMatchObject({ displayName: "Mallory", version: 2 });
    expect(await userRow(alice.userId)).toEqual(aliceBefore);
    expect(await alice.caller.account.me()).toMatchObject({ displayName: "Alice", version: 1 });
  });

  it("never takes the owner from input: an extra userId is refused and nothing changes", async () => {
    const alice = await signedInUser(t.db);
    const bob = await signedInUser(t.db);
    const before = await Promise.all([userRow(alice.userId), userRow(bob.userId)]);
    const error = await errorOf(
      bob.caller.account.updateProfile({
        displayName: "Mallory",
        timeZone: "UTC",
        version: 1,
        // @ts-expect-error The input type has no userId either.
        userId: alice.userId,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("userId");
    expect(await Promise.all([userRow(alice.userId), userRow(bob.userId)])).toEqual(before);
  });

  it("ends only the caller's own sessions when signing out everywhere", async () => {
    const alice = await signedInUser(t.db);
    const bob = await signedInUser(t.db);
    expect(await bob.caller.account.signOutEverywhere()).toEqual({ ended: 1 });
    const aliceNext = await callerFor(t.db, alice.sessionId);
    expect(await aliceNext.account.me()).toMatchObject({ email: alice.email });
  });
});

describe("saving from a version someone else already changed", () => {
  it("saves one of two edits from the same version and tells the other it conflicts", async () => {
    const sam = await signedInUser(t.db);
    const laptop = sam.caller;
    const phone = await callerFor(t.db, sam.sessionId);
    const edits = [
      { displayName: "From the laptop", timeZone: "Europe/Berlin", version: 1 },
      { displayName: "From the phone", timeZone: "Asia/Kolkata", version: 1 },
    ];
    const results = await Promise.allSettled([
      laptop.account.updateProfile(edits[0] as (typeof edits)[0]),
      phone.account.updateProfile(edits[1] as (typeof edits)[0]),
    ]);

    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.findIndex((r) => r.status === "rejected");
    expect([won, lost].sort()).toEqual([0, 1]);
    const loss = results[lost] as PromiseRejectedResult;
    expect(loss.reason).toBeInstanceOf(TRPCError);
    expect(loss.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/changed on another device.*Reload/),
    });
    const winner = edits[won];
    expect(await laptop.account.me()).toMatchObject({ ...winner, version: 2 });

    // After reloading, the loser saves on top of the newer version.
    await phone.account.updateProfile({ ...(edits[lost] as (typeof edits)[0]), version: 2 });
    expect(await phone.account.me()).toMatchObject({ ...edits[lost], version: 3 });
  });
});

describe("changing the password", () => {
  const NEW_PASSWORD = "plum kettle orbit lantern 1987";

  /** Sends the change as the settings form does, over HTTP, and answers what it gets. */
  const changeOverHttp = async (sessionId: string, input: Record<string, unknown>) =>
    send(
      mutationRequest("account.changePassword", input, { cookie: await sessionCookie(sessionId) }),
      t.db,
    );

  it("signs every other device out on its next request, keeps this one, and swaps the passwords", async () => {
    const sam = await signedInUser(t.db);
    const phone = await signIn(t.db, sam.userId);
    const before = await userRow(sam.userId);

    expect(
      await sam.caller.account.changePassword({
        currentPassword: sam.password,
        newPassword: NEW_PASSWORD,
      }),
    ).toEqual({ ended: 1 });

    await expect((await callerFor(t.db, phone)).account.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const laptop = await callerFor(t.db, sam.sessionId);
    expect(await laptop.account.me()).toMatchObject({ email: sam.email });
    expect(await signInWith(sam.email, sam.password)).toBeNull();
    expect(await signInWith(sam.email, NEW_PASSWORD)).toBe(sam.userId);

    const after = await userRow(sam.userId);
    expect(after?.passwordHash).toMatch(ARGON2_PHC);
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    // A password is not a profile edit: an open profile form still saves.
    expect(after?.version).toBe(before?.version);
  });

  it("refuses a wrong current password on its field, and changes nothing", async () => {
    const sam = await signedInUser(t.db);
    const phone = await signIn(t.db, sam.userId);
    const before = await userRow(sam.userId);
    const res = await changeOverHttp(sam.sessionId, {
      currentPassword: `${sam.password}!`,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors).toEqual({
      currentPassword: ["That isn't your current password. Please check it and try again."],
    });
    expect(await userRow(sam.userId)).toEqual(before);
    expect(await (await callerFor(t.db, phone)).account.me()).toMatchObject({ email: sam.email });
  });

  it("holds the new password to the sign-up rule, on the new password's field", async () => {
    const sam = await signedInUser(t.db);
    const before = await userRow(sam.userId);
    const cases: [string, string][] = [
      ["short", "Please use at least 8 characters."],
      ["x".repeat(129), "Please use at most 128 characters."],
      [sam.password, "Please choose a password that is different from your current one."],
    ];
    for (const [newPassword, message] of cases) {
      const res = await changeOverHttp(sam.sessionId, {
        currentPassword: sam.password,
        newPassword,
      });
      expect(res.status, newPassword).toBe(400);
      expect(res.error?.data.fieldErrors?.newPassword?.[0], newPassword).toBe(message);
    }
    const empty = await changeOverHttp(sam.sessionId, { currentPassword: "", newPassword: "" });
    expect(empty.error?.data.fieldErrors?.currentPassword).toEqual([
      "Please enter your current password.",
    ]);
    expect(await userRow(sam.userId)).toEqual(before);
  });

  it("takes a long Unicode password, untrimmed", async () => {
    const sam = await signedInUser(t.db);
    await sam.caller.account.changePassword({
      currentPassword: sam.password,
      newPassword: UNICODE_PASSWORD,
    });
    expect(await signInWith(sam.email, UNICODE_PASSWORD)).toBe(sam.userId);
    expect(await signInWith(sam.email, UNICODE_PASSWORD_LAST_CHANGED)).toBeNull();
  });
});
