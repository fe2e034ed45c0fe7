import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordResets, sessions, users } from "@/db/schema";
import { validateSession } from "@/server/auth/sessions";
import { AppError } from "@/server/errors";
import { Limits, RateLimitedError } from "@/server/limits";
import { type Mail, mailSettings, readOutbox, sendMail } from "@/server/mail";
import { checkCredentials } from "@/server/services/account";
import {
  isResetLinkLive,
  RESET_LINK_EXPIRED,
  requestPasswordReset,
  resetPassword,
} from "@/server/services/password-reset";
import { setupTestDb } from "../helpers/db";
import { startSmtpServer } from "../helpers/smtp";
import { createUser, signIn } from "../helpers/users";

const t = setupTestDb();

const APP_URL = "https://rekindle.test";
const NEW_PASSWORD = "a new calm walk 9z8y";
const MINUTE = 60_000;

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let limits: Limits;

beforeEach(async () => {
  smtp = await startSmtpServer();
  // Fresh counters per test: every test asks from the same address.
  limits = new Limits({ kind: "memory" });
});
afterEach(() => smtp.close());

/** Asks for a link as the forgot form does, with mail going out through the test's server. */
function requestReset(email: string, options: { now?: Date; address?: string } = {}) {
  return requestPasswordReset(t.db, email, {
    appUrl: APP_URL,
    address: options.address ?? "203.0.113.7",
    limits,
    now: options.now,
    send: (mail: Mail) => sendMail(mail, { ...mailSettings(), smtpUrl: smtp.url }),
  });
}

/** The token in the one mail received so far. */
function tokenFromMail(): string {
  expect(smtp.received).toHaveLength(1);
  const link = smtp.received[0]?.text.match(/https:\/\/rekindle\.test\/reset\/([A-Za-z0-9_-]+)/);
  if (!link?.[1]) throw new Error("no reset link in the mail");
  return link[1];
}

const sessionCount = async (userId: string) => t.db.$count(sessions, eq(sessions.userId, userId));

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

// ─── The flow ─────────────────────────────────────────────────────────────────────────

describe("asking for a reset link", () => {
  it("sends one mail over SMTP with a neutral subject and a link to the reset page", async () => {
    const sam = await createUser(t.db, { displayName: "Sam", email: "Sam@Example.com" });
    await requestReset(sam.email);

    const [mail] = smtp.received;
    expect(mail?.envelopeTo).toEqual(["sam@example.com"]);
    expect(mail?.headers.subject).toBe("Reset your password");
    expect(mail?.headers.from).toBe("Rekindle <no-reply@rekindle.local>");
    expect(mail?.text).toContain("Hi Sam,");
    expect(mail?.text).toContain("30 minutes");
    const token = tokenFromMail();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await isResetLinkLive(t.db, token)).toBe(true);
  });

  it("names no app in the sender or the text for someone in discreet mode", async () => {
    const kit = await createUser(t.db, { displayName: "Kit", email: "kit@example.com" });
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, kit.userId));
    await requestReset(kit.email);

    const [mail] = smtp.received;
    expect(mail?.headers.subject).toBe("Reset your password");
    expect(mail?.headers.from).toBe("no-reply@rekindle.local");
    expect(mail?.text.replaceAll(APP_URL, "")).not.toMatch(/rekindle/i);
    expect(tokenFromMail()).toHaveLength(43);
  });

  it("answers an unknown address exactly as a known one, and sends it nothing", async () => {
    const sam = await createUser(t.db);
    const known = await requestReset(sam.email);
    expect(smtp.received).toHaveLength(1);

    const unknown = await requestReset("nobody@example.com");
    expect(unknown).toEqual(known);
    expect(smtp.received).toHaveLength(1);
    expect(await t.db.$count(passwordResets)).toBe(1);
  });

  it("keeps only the token's SHA-256 in the database", async () => {
    const sam = await createUser(t.db);
    await requestReset(sam.email);
    const token = tokenFromMail();

    const rows = await t.db.execute<{ row: string }>(
      sql`select row_to_json(r)::text as row from password_resets r`,
    );
    const dump = JSON.stringify(rows);
    const tokenHash = createHash("sha256").update(token).digest("base64url");
    expect(dump).toContain(tokenHash);
    expect(dump).not.toContain(token);
    const [stored] = await t.db.select().from(passwordResets);
    expect(stored?.tokenHash).toBe(tokenHash);
    expect(stored?.userId).toBe(sam.userId);
  });

  it("counts requests per e-mail, known or not, with the same message", async () => {
    const sam = await createUser(t.db);
    for (const email of [sam.email, "nobody@example.com"]) {
      for (let i = 0; i < 3; i++) await requestReset(email, { address: `198.51.100.${i}` });
      const refused = await errorOf(requestReset(email, { address: "198.51.100.9" }));
      expect(RateLimitedError.is(refused)).toBe(true);
      expect((refused as RateLimitedError).message).toMatch(
        /^You've asked for several reset links for that address\. Please try again in \d+ minutes\.$/,
      );
    }
    expect(smtp.received).toHaveLength(3);
  });

  it("counts requests per client address", async () => {
    for (let i = 0; i < 5; i++) await requestReset(`person${i}@example.com`);
    const refused = await errorOf(requestReset("person5@example.com"));
    expect(RateLimitedError.is(refused)).toBe(true);
    expect((refused as RateLimitedError).message).toContain("from your connection");
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(14 * 60);
  });
});

describe("using a reset link", () => {
  it("sets the new password, ends every session of that person, and works only once", async () => {
    const sam = await createUser(t.db);
    const laptop = await signIn(t.db, sam.userId);
    const phone = await signIn(t.db, sam.userId);
    const other = await createUser(t.db);
    const otherSession = await signIn(t.db, other.userId);
    const before = await t.db.select().from(users).where(eq(users.id, sam.userId));

    await requestReset(sam.email);
    const token = tokenFromMail();
    expect(await resetPassword(t.db, { token, password: NEW_PASSWORD })).toEqual({
      endedSessions: 2,
    });

    expect(await checkCredentials(t.db, sam.email, NEW_PASSWORD)).toBe(sam.userId);
    expect(await checkCredentials(t.db, sam.email, sam.password)).toBeNull();
    const after = await t.db.select().from(users).where(eq(users.id, sam.userId));
    expect(after[0]?.passwordHash).not.toBe(before[0]?.passwordHash);
    expect(after[0]?.passwordHash).not.toContain(NEW_PASSWORD);

    expect(await sessionCount(sam.userId)).toBe(0);
    expect(await validateSession(t.db, laptop)).toBeNull();
    expect(await validateSession(t.db, phone)).toBeNull();
    expect(await validateSession(t.db, otherSession)).not.toBeNull();

    expect(await isResetLinkLive(t.db, token)).toBe(false);
    const again = await errorOf(resetPassword(t.db, { token, password: "yet another calm walk" }));
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "NOT_FOUND", message: RESET_LINK_EXPIRED });
    expect(await checkCredentials(t.db, sam.email, NEW_PASSWORD)).toBe(sam.userId);
  });

  it("lets only one of two uses at the same moment through", async () => {
    const sam = await createUser(t.db);
    await requestReset(sam.email);
    const token = tokenFromMail();
    const results = await Promise.allSettled([
      resetPassword(t.db, { token, password: NEW_PASSWORD }),
      resetPassword(t.db, { token, password: "a different calm walk 7q" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses a link 30 minutes after it was sent, and changes nothing", async () => {
    const sam = await createUser(t.db);
    const sentAt = new Date("2030-03-01T10:00:00Z");
    await requestReset(sam.email, { now: sentAt });
    const token = tokenFromMail();
    const at = (minutes: number) => new Date(sentAt.getTime() + minutes * MINUTE);

    expect(await isResetLinkLive(t.db, token, at(29))).toBe(true);
    expect(await isResetLinkLive(t.db, token, at(30))).toBe(false);
    const late = await errorOf(resetPassword(t.db, { token, password: NEW_PASSWORD }, at(31)));
    expect(late).toMatchObject({ code: "NOT_FOUND", message: RESET_LINK_EXPIRED });
    expect(await checkCredentials(t.db, sam.email, sam.password)).toBe(sam.userId);
  });

  it("refuses an unknown token with the same answer", async () => {
    await createUser(t.db);
    const unknown = await errorOf(
      resetPassword(t.db, { token: "x".repeat(43), password: NEW_PASSWORD }),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: RESET_LINK_EXPIRED });
  });

  it("spends every other link of the account once one is used", async () => {
    const sam = await createUser(t.db);
    await requestReset(sam.email);
    await requestReset(sam.email);
    expect(smtp.received).toHaveLength(2);
    const tokens = smtp.received.map((m) => m.text.match(/\/reset\/([A-Za-z0-9_-]+)/)?.[1] ?? "");
    expect(await isResetLinkLive(t.db, tokens[0] ?? "")).toBe(true);
    await resetPassword(t.db, { token: tokens[1] ?? "", password: NEW_PASSWORD });
    expect(await isResetLinkLive(t.db, tokens[0] ?? "")).toBe(false);
  });
});

// ─── Without SMTP ─────────────────────────────────────────────────────────────────────

describe("without SMTP_URL", () => {
  let outbox: string;
  beforeEach(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), "rekindle-outbox-"));
  });
  afterEach(() => rm(outbox, { recursive: true, force: true }));

  it("writes the reset mail into the outbox folder in development", async () => {
    const sam = await createUser(t.db);
    await requestPasswordReset(t.db, sam.email, {
      appUrl: APP_URL,
      address: "203.0.113.7",
      limits,
      send: (mail: Mail) =>
        sendMail(mail, { ...mailSettings(), smtpUrl: undefined, outboxDir: outbox }),
    });
    const files = await readdir(outbox);
    expect(files).toHaveLength(1);
    const stored = JSON.parse(await readFile(path.join(outbox, files[0] ?? ""), "utf8"));
    expect(stored).toMatchObject({ to: sam.email, subject: "Reset your password" });
    expect(stored.text).toMatch(/https:\/\/rekindle\.test\/reset\/[A-Za-z0-9_-]{43}/);
    expect(await readOutbox(outbox)).toEqual([stored]);
    expect(smtp.received).toHaveLength(0);
  });

  it("writes nothing anywhere in production", async () => {
    const outcome = await sendMail(
      { to: "sam@example.com", subject: "Reset your password", text: "…" },
      { ...mailSettings(), smtpUrl: undefined, outboxDir: outbox, production: true },
    );
    expect(outcome).toBe("not-sent");
    expect(await readdir(outbox)).toEqual([]);
  });
});
