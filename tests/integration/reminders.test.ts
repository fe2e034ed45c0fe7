import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, postgresDatabase } from "@/db/client";
import { journalEntries, reminders, stepProgress, users } from "@/db/schema";
import type { SaveReminderSettingsInput } from "@/lib/schemas/reminders";
import { type Mail, mailSettings, sendMail } from "@/server/mail";
import { type ReminderDeps, runReminders } from "@/server/reminders/jobs";
import { startReminderRunner } from "@/server/reminders/runner";
import { exportAccount } from "@/server/services/export";
import * as service from "@/server/services/reminders";
import { setupTestDb, workerPostgresUrl } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { startSmtpServer } from "../helpers/smtp";
import { createUser, signedInUser } from "../helpers/users";

const t = setupTestDb();

const APP_URL = "https://rekindle.test";
const DAY_MS = 86_400_000;
const ZONE = "Europe/Paris";
/** 10:00 in Paris on a Thursday in November (UTC+1). */
const MORNING = new Date("2026-11-26T09:00:00Z");
const dayLater = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

const settings = (over: Partial<SaveReminderSettingsInput> = {}) => ({
  enabled: true,
  checkInTime: "09:00",
  quietHours: true,
  quietStart: "22:00",
  quietEnd: "07:00",
  email: true,
  version: 0,
  ...over,
});

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(() => smtp.close());

const closers: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

/** A runner's dependencies, with mail through the test's own SMTP server. */
const deps = (now: Date, send?: ReminderDeps["send"]): ReminderDeps => ({
  now,
  appUrl: APP_URL,
  send: send ?? ((mail: Mail) => sendMail(mail, { ...mailSettings(), smtpUrl: smtp.url })),
});

/** Someone in Paris who asked for a 09:00 reminder by mail. */
async function remindedPerson(over: Partial<SaveReminderSettingsInput> = {}, name = "Robin") {
  const user = await createUser(t.db, { timeZone: ZONE, displayName: name });
  const actor = { userId: user.userId };
  await service.saveSettings(t.db, actor, settings(over), MORNING, true);
  return { ...user, actor };
}

const rowsFor = (userId: string) =>
  t.db.select().from(reminders).where(eq(reminders.userId, userId)).orderBy(reminders.localDate);

describe("the daily reminder", () => {
  it("is mailed once, with a neutral subject and no private words", async () => {
    const person = await remindedPerson();
    await startJourney(t.db, person.userId, { exName: "Jordan" });
    await t.db.insert(journalEntries).values({
      userId: person.userId,
      mood: 2,
      body: "my secret journal words",
      idempotencyKey: randomUUID(),
      createdAt: dayLater(MORNING, -3),
    });

    expect(await runReminders(t.db, deps(MORNING))).toMatchObject({ queued: 1, delivered: 1 });
    // Later runs the same day find nothing more to send.
    await runReminders(t.db, deps(new Date(MORNING.getTime() + 3_600_000)));

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail?.envelopeTo).toEqual([person.email]);
    expect(mail?.headers.subject).toBe("Your check-in");
    expect(mail?.text).toContain(`${APP_URL}/settings/reminders`);
    expect(mail?.text).toContain("Hi Robin");
    for (const secret of ["Jordan", "secret journal", "ex"]) {
      expect(mail?.text).not.toMatch(new RegExp(`\\b${secret}\\b`));
    }
  });

  it("in discreet mode says even less", async () => {
    const person = await remindedPerson();
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, person.userId));
    await runReminders(t.db, deps(MORNING));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.headers.subject).toBe("A reminder");
    // The sender is a bare address, without MAIL_FROM's "Rekindle" name.
    expect(smtp.received[0]?.headers.from).toBe("no-reply@rekindle.local");
    expect(smtp.received[0]?.text).not.toContain("Robin");
    expect(smtp.received[0]?.text).toContain(`${APP_URL}/settings/reminders`);
  });

  it("waits for the chosen time and quiet hours, in the person's own zone", async () => {
    const person = await remindedPerson({ checkInTime: "21:30" });
    // 10:00 and 21:00 in Paris: not yet. 22:30: past the time, but quiet hours have begun.
    for (const at of ["2026-11-26T09:00:00Z", "2026-11-26T20:00:00Z", "2026-11-26T21:30:00Z"]) {
      await runReminders(t.db, deps(new Date(at)));
    }
    expect(await rowsFor(person.userId)).toEqual([]);
    await runReminders(t.db, deps(new Date("2026-11-26T20:31:00Z")));
    expect(smtp.received).toHaveLength(1);
  });

  it("is not sent on a day the person already checked in", async () => {
    const person = await signedInUser(t.db, { timeZone: ZONE });
    const any = settings({ checkInTime: "00:00", quietHours: false });
    await service.saveSettings(t.db, { userId: person.userId }, any, new Date(), true);
    await person.caller.activity.checkIn({});
    await runReminders(t.db, deps(new Date()));
    expect(smtp.received).toEqual([]);
  });

  it("shows on the home page without mail when mail is off, until dismissed", async () => {
    const person = await signedInUser(t.db, { timeZone: ZONE });
    const actor = { userId: person.userId };
    const now = new Date();
    await service.saveSettings(
      t.db,
      actor,
      settings({ email: false, checkInTime: "00:00", quietHours: false }),
      now,
      true,
    );
    expect(await service.notice(t.db, actor, now)).toBeNull();
    await runReminders(t.db, deps(now));
    expect(smtp.received).toEqual([]);
    expect(await person.caller.reminders.notice()).toEqual({ kind: "check_in", stepNumber: null });
    await person.caller.reminders.dismiss();
    expect(await person.caller.reminders.notice()).toBeNull();
  });

  it("leaves the notice once the person checks in", async () => {
    const person = await signedInUser(t.db, { timeZone: ZONE });
    const now = new Date();
    await service.saveSettings(
      t.db,
      { userId: person.userId },
      settings({ checkInTime: "00:00", quietHours: false, email: false }),
      now,
      true,
    );
    await runReminders(t.db, deps(now));
    expect(await person.caller.reminders.notice()).not.toBeNull();
    await person.caller.activity.checkIn({ mood: 4 });
    expect(await person.caller.reminders.notice()).toBeNull();
  });

  it("sends no mail for a notice dismissed before any runner got to it", async () => {
    const person = await remindedPerson();
    await service.dismiss(t.db, person.actor, MORNING);
    await runReminders(t.db, deps(MORNING));
    expect(smtp.received).toEqual([]);
  });

  it("rests for a week when snoozed, then comes back by itself", async () => {
    const person = await remindedPerson();
    const snoozed = await service.snooze(t.db, person.actor, MORNING);
    expect(snoozed.snoozedUntil).toBe("2026-12-03");
    for (let day = 0; day < 7; day++) await runReminders(t.db, deps(dayLater(MORNING, day)));
    expect(smtp.received).toEqual([]);
    await runReminders(t.db, deps(dayLater(MORNING, 7)));
    expect(smtp.received).toHaveLength(1);

    // Resuming early brings tomorrow's reminder back.
    await service.snooze(t.db, person.actor, dayLater(MORNING, 8));
    await service.resume(t.db, person.actor, dayLater(MORNING, 8));
    await runReminders(t.db, deps(dayLater(MORNING, 9)));
    expect(smtp.received).toHaveLength(2);
  });

  it("is tried again when the mail server fails, and never stops the run", async () => {
    const person = await remindedPerson();
    const failing = async () => {
      throw Object.assign(new Error(`refused ${person.email}`), { responseCode: 451 });
    };
    expect(await runReminders(t.db, deps(MORNING, failing))).toMatchObject({ delivered: 0 });
    expect((await rowsFor(person.userId))[0]).toMatchObject({ status: "pending", attempts: 1 });
    // Five minutes later the mail server is back.
    await runReminders(t.db, deps(new Date(MORNING.getTime() + 5 * 60_000)));
    expect(smtp.received).toHaveLength(1);
    expect((await rowsFor(person.userId))[0]).toMatchObject({ status: "delivered" });
  });

  it("gives up after three failed tries", async () => {
    const person = await remindedPerson();
    const failing = async () => {
      throw new Error("no");
    };
    for (let i = 0; i < 5; i++) {
      await runReminders(t.db, deps(new Date(MORNING.getTime() + i * 3_600_000), failing));
    }
    expect(await rowsFor(person.userId)).toMatchObject([{ status: "failed", attempts: 3 }]);
  });
});

describe("a stalled step", () => {
  it("gets one gentle reminder for each idle stretch, not one a day", async () => {
    const person = await remindedPerson();
    const journey = await startJourney(t.db, person.userId, { exName: "Jordan" });
    // Step 1's pace is 7 days: after 14 idle days it counts as stalled.
    const idleSince = dayLater(MORNING, -20);
    await t.db
      .update(stepProgress)
      .set({ openedAt: idleSince })
      .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 1)));

    for (let day = 0; day < 3; day++) await runReminders(t.db, deps(dayLater(MORNING, day)));
    expect((await rowsFor(person.userId)).map((r) => r.kind)).toEqual([
      "stalled_step",
      "check_in",
      "check_in",
    ]);
    expect(smtp.received[0]?.text).toContain(`${APP_URL}/plan/1`);
    expect(smtp.received[0]?.text).not.toContain("Jordan");

    // Some work on the step, then another long quiet: a new stretch, one new reminder.
    await t.db
      .update(stepProgress)
      .set({ lastActivityAt: dayLater(MORNING, 3) })
      .where(and(eq(stepProgress.journeyId, journey.id), eq(stepProgress.stepNumber, 1)));
    for (let day = 4; day < 20; day++) await runReminders(t.db, deps(dayLater(MORNING, day)));
    const kinds = (await rowsFor(person.userId)).map((r) => r.kind);
    expect(kinds.filter((k) => k === "stalled_step")).toHaveLength(2);
  });
});

describe("two runners at once", () => {
  async function duePeople(count: number) {
    const people = [];
    for (let i = 0; i < count; i++) people.push(await remindedPerson({}, `Person ${i}`));
    return people;
  }

  /** A send that takes a moment, so the two runners overlap while mail is going out. */
  const slowSend = (sent: string[]) => async (mail: Mail) => {
    await new Promise((r) => setTimeout(r, 20));
    sent.push(mail.to);
  };

  it("send each reminder exactly once on one database", async () => {
    const people = await duePeople(5);
    const sent: string[] = [];
    await Promise.all([
      runReminders(t.db, deps(MORNING, slowSend(sent))),
      runReminders(t.db, deps(MORNING, slowSend(sent))),
    ]);
    expect(sent.sort()).toEqual(people.map((p) => p.email).sort());
  });

  // The same suite runs this on PostgreSQL, whose separate connections can race.
  // Skipped on PGlite: it lives inside one process, so it has no two instances to race.
  describe.runIf(t.kind === "postgres")("on PostgreSQL", () => {
    const instance = (): Database => {
      const database = postgresDatabase(workerPostgresUrl(), 3);
      closers.push(() => database.close());
      return database;
    };

    it("send each reminder exactly once from two separate pools", async () => {
      const people = await duePeople(8);
      const [one, two] = [instance(), instance()];
      const sent: string[] = [];
      const results = await Promise.all([
        runReminders(one.db, deps(MORNING, slowSend(sent))),
        runReminders(two.db, deps(MORNING, slowSend(sent))),
        runReminders(one.db, deps(MORNING, slowSend(sent))),
      ]);
      expect(sent.sort()).toEqual(people.map((p) => p.email).sort());
      expect(results.reduce((n, r) => n + r.queued, 0)).toBe(8);
      expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(8);
      const rows = await t.db.select().from(reminders);
      expect(rows).toHaveLength(8);
      expect(rows.every((r) => r.status === "delivered")).toBe(true);
    });
  });
});

describe("the runner's timer", () => {
  it("survives a database that is away, and stops cleanly", async () => {
    const runner = startReminderRunner({
      intervalMs: 60_000,
      database: () => Promise.reject(Object.assign(new Error("down"), { code: "ECONNREFUSED" })),
      appUrl: APP_URL,
    });
    await expect(runner.runOnce()).resolves.toBeUndefined();
    await expect(runner.stop()).resolves.toBeUndefined();
  });

  it("delivers what is due when it runs", async () => {
    const person = await remindedPerson();
    const sent: string[] = [];
    const runner = startReminderRunner({
      intervalMs: 60_000,
      database: async () => t.db,
      appUrl: APP_URL,
      clock: () => MORNING,
      send: async (mail) => void sent.push(mail.to),
    });
    await runner.runOnce();
    await runner.stop();
    expect(sent).toEqual([person.email]);
  });
});

describe("reminder settings", () => {
  it("start as a suggestion and save with the person's version", async () => {
    const person = await signedInUser(t.db, { timeZone: ZONE });
    const initial = await person.caller.reminders.settings();
    expect(initial).toMatchObject({ saved: false, version: 0, checkInTime: "19:00" });
    const saved = await person.caller.reminders.save(
      settings({ checkInTime: "08:15", email: false }),
    );
    expect(saved).toMatchObject({ saved: true, version: 1, checkInTime: "08:15", timeZone: ZONE });
    // A second device still holding version 0 (or 1, after this save) does not overwrite.
    await expect(person.caller.reminders.save(settings())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const again = await person.caller.reminders.save(settings({ version: 1, quietHours: false }));
    expect(again).toMatchObject({ version: 2, quietHours: false });
  });

  it("never promise mail where none can be sent", async () => {
    const person = await signedInUser(t.db);
    // The tests run without SMTP_URL: mail can't be switched on.
    const saved = await person.caller.reminders.save(settings({ email: true }));
    expect(saved).toMatchObject({ email: false, emailAvailable: false });
  });

  it("go with the account's export, and with the account", async () => {
    const person = await remindedPerson();
    await runReminders(t.db, deps(MORNING));
    const file = await exportAccount(t.db, person.actor);
    expect(file.reminderSettings).toMatchObject([{ checkInMinute: 9 * 60, email: true }]);
    expect(file.reminders).toMatchObject([{ kind: "check_in", localDate: "2026-11-26" }]);
    await t.db.delete(users).where(eq(users.id, person.userId));
    expect(await rowsFor(person.userId)).toEqual([]);
  });
});
