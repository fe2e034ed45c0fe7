import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pendingSignUps, users } from "@/db/schema";
import { finishSignUpInput, startSignUpInput } from "@/lib/schemas/account";
import { verifyPassword } from "@/server/auth/password";
import { Limits } from "@/server/limits";
import { type Mail, mailSettings, sendMail } from "@/server/mail";
import { finishSignUp, requestSignUp, signUpLinkEmail } from "@/server/services/sign-up";
import { setupTestDb } from "../helpers/db";
import { startSmtpServer } from "../helpers/smtp";
import { createUser } from "../helpers/users";

const t = setupTestDb();
const APP = "https://rekindle.test";
const PASSWORD = "a calm walk by the river 7";

let limits: Limits;
beforeEach(() => {
  // Fresh counters per test: one mail per address per 15 minutes would hold across tests.
  limits = new Limits({ kind: "memory" });
});

async function signUp(email: string, now = new Date()) {
  const mails: Mail[] = [];
  const input = startSignUpInput.parse({ email, timeZone: "Europe/Berlin" });
  const answer = await requestSignUp(t.db, input, {
    appUrl: APP,
    send: (mail) => void mails.push(mail),
    limits,
    now,
  });
  const token = mails[0]?.text.match(/\/welcome\/([A-Za-z0-9_-]{43})/)?.[1];
  return { answer, mails, token };
}

async function finish(token: string, now?: Date, displayName = "Robin", password = PASSWORD) {
  return finishSignUp(
    t.db,
    await finishSignUpInput.parseAsync({ token, displayName, password }),
    now,
  );
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

  it("makes the account only when the link is used, with the name and password chosen then", async () => {
    const { token } = await signUp("robin@example.com");
    expect(token).toBeDefined();
    expect(await signUpLinkEmail(t.db, token ?? "")).toBe("robin@example.com");

    const { userId } = await finish(token ?? "", undefined, "Robin");
    const [user] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({
      email: "robin@example.com",
      displayName: "Robin",
      timeZone: "Europe/Berlin",
    });
    expect(await verifyPassword(user?.passwordHash ?? "", PASSWORD)).toBe(true);

    await expect(finish(token ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await signUpLinkEmail(t.db, token ?? "")).toBeNull();
    expect(await t.db.select().from(pendingSignUps)).toEqual([]);
  });

  it("keeps only the link's hash, and no password at all", async () => {
    const { token } = await signUp("hash@example.com");
    const [row] = await t.db.select().from(pendingSignUps);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Object.keys(row ?? {})).not.toContain("passwordHash");
    expect(JSON.stringify(row)).not.toMatch(/argon2/);
  });

  it("refuses a link after 24 hours", async () => {
    const sent = new Date("2026-11-20T10:00:00Z");
    const { token } = await signUp("late@example.com", sent);
    const dayLater = new Date(sent.getTime() + 24 * 60 * 60 * 1000 + 1000);
    await expect(finish(token ?? "", dayLater)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets one of two uses at the same moment make the account", async () => {
    const { token } = await signUp("twice@example.com");
    const results = await Promise.allSettled([finish(token ?? ""), finish(token ?? "")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await t.db.select().from(users).where(eq(users.email, "twice@example.com")),
    ).toHaveLength(1);
  });

  it("makes nothing when the address got an account meanwhile", async () => {
    const { token } = await signUp("race@example.com");
    await createUser(t.db, { email: "race@example.com" });
    await expect(finish(token ?? "")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.select().from(users).where(eq(users.email, "race@example.com"))).toHaveLength(
      1,
    );
  });
});

describe("mail to an address that has proved nothing", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => smtp.close());

  const overSmtp = (mail: Mail) => sendMail(mail, { ...mailSettings(), smtpUrl: smtp.url });

  it("carries no word the sender chose: a name with a link never reaches it", async () => {
    // The old form took a name and put it in the mail's first line.
    const lure = "Win a prize at https://evil.example/claim";
    const parsed = startSignUpInput.safeParse({ email: "lure@example.com", displayName: lure });
    expect(parsed.success).toBe(false);

    await requestSignUp(t.db, startSignUpInput.parse({ email: "lure@example.com" }), {
      appUrl: APP,
      send: overSmtp,
      limits,
    });
    expect(smtp.received).toHaveLength(1);
    const text = smtp.received[0]?.text ?? "";
    expect(text).not.toContain("evil.example");
    expect(text).not.toContain("prize");
    // Every link in it is Rekindle's own.
    for (const url of text.match(/https?:\/\/\S+/g) ?? []) expect(url.startsWith(APP)).toBe(true);
  });

  it("is sent once per 15 minutes however often the address is signed up", async () => {
    const start = new Date();
    const taken = await createUser(t.db, { email: "owner@example.com" });
    for (const email of ["victim@example.com", taken.email]) {
      for (let i = 0; i < 8; i++) {
        await requestSignUp(t.db, startSignUpInput.parse({ email }), {
          appUrl: APP,
          send: overSmtp,
          limits,
          now: start,
        });
      }
    }
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([
      ["victim@example.com"],
      ["owner@example.com"],
    ]);
    // One link, so one row: the seven held back stored nothing.
    expect(await t.db.$count(pendingSignUps)).toBe(1);
  });
});
