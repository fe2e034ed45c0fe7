import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pendingSignUps, users } from "@/db/schema";
import { signUpInput } from "@/lib/schemas/account";
import { verifyPassword } from "@/server/auth/password";
import type { Mail } from "@/server/mail";
import { confirmSignUp, requestSignUp, signUpLinkName } from "@/server/services/sign-up";
import { setupTestDb } from "../helpers/db";
import { createUser } from "../helpers/users";

const t = setupTestDb();
const APP = "https://rekindle.test";

async function signUp(email: string, now = new Date()) {
  const mails: Mail[] = [];
  const input = await signUpInput.parseAsync({
    displayName: "Robin",
    email,
    password: "a calm walk by the river 7",
    timeZone: "Europe/Berlin",
  });
  const answer = await requestSignUp(t.db, input, {
    appUrl: APP,
    send: (mail) => void mails.push(mail),
    now,
  });
  const token = mails[0]?.text.match(/\/welcome\/([A-Za-z0-9_-]{43})/)?.[1];
  return { answer, mails, token };
}

describe("signing up", () => {
  it("answers a new address and one with an account alike; only the mail says which", async () => {
    const taken = await createUser(t.db, { email: "taken@example.com" });
    const fresh = await signUp("new@example.com");
    const again = await signUp(taken.email);

    expect(fresh.answer).toEqual(again.answer);
    expect(fresh.mails.map((m) => [m.to, m.subject])).toEqual([
      ["new@example.com", "Finish creating your Rekindle account"],
    ]);
    expect(again.mails.map((m) => [m.to, m.subject])).toEqual([
      [taken.email, "You already have a Rekindle account"],
    ]);
    expect(again.mails[0]?.text).toContain(`${APP}/forgot`);
    expect(again.token).toBeUndefined();
    // Nothing is made yet, for either.
    expect(await t.db.select().from(users).where(eq(users.email, "new@example.com"))).toEqual([]);
    expect(await t.db.select().from(pendingSignUps)).toHaveLength(1);
  });

  it("names no app in the mail to an account in discreet mode", async () => {
    const taken = await createUser(t.db, { email: "quiet@example.com" });
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, taken.userId));
    const { mails } = await signUp(taken.email);
    expect(mails.map((m) => m.subject)).toEqual(["About your account"]);
    expect(mails[0]?.text.replaceAll(APP, "")).not.toMatch(/rekindle/i);
    expect(mails[0]?.text).toContain(`${APP}/forgot`);
  });

  it("makes the account only when the link is used, and only once", async () => {
    const { token } = await signUp("robin@example.com");
    expect(token).toBeDefined();
    expect(await signUpLinkName(t.db, token ?? "")).toBe("Robin");

    const { userId } = await confirmSignUp(t.db, token ?? "");
    const [user] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email: "robin@example.com", timeZone: "Europe/Berlin" });
    expect(await verifyPassword(user?.passwordHash ?? "", "a calm walk by the river 7")).toBe(true);

    await expect(confirmSignUp(t.db, token ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await signUpLinkName(t.db, token ?? "")).toBeNull();
    expect(await t.db.select().from(pendingSignUps)).toEqual([]);
  });

  it("keeps only the link's hash", async () => {
    const { token } = await signUp("hash@example.com");
    const [row] = await t.db.select().from(pendingSignUps);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a link after 24 hours", async () => {
    const sent = new Date("2026-11-20T10:00:00Z");
    const { token } = await signUp("late@example.com", sent);
    const dayLater = new Date(sent.getTime() + 24 * 60 * 60 * 1000 + 1000);
    await expect(confirmSignUp(t.db, token ?? "", dayLater)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets one of two uses at the same moment make the account", async () => {
    const { token } = await signUp("twice@example.com");
    const results = await Promise.allSettled([
      confirmSignUp(t.db, token ?? ""),
      confirmSignUp(t.db, token ?? ""),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await t.db.select().from(users).where(eq(users.email, "twice@example.com")),
    ).toHaveLength(1);
  });

  it("makes nothing when the address got an account meanwhile", async () => {
    const { token } = await signUp("race@example.com");
    await createUser(t.db, { email: "race@example.com" });
    await expect(confirmSignUp(t.db, token ?? "")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.select().from(users).where(eq(users.email, "race@example.com"))).toHaveLength(
      1,
    );
  });
});
