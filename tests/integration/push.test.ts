import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, postgresDatabase } from "@/db/client";
import { pushMessages, pushSubscriptions, reminders, users } from "@/db/schema";
import { vapidKeys } from "@/server/push/keys";
import { startReminderRunner } from "@/server/reminders/runner";
import { sendEncouragement } from "@/server/services/buddies";
import * as reminderSettings from "@/server/services/reminders";
import { setupTestDb, workerPostgresUrl } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import {
  type PushService,
  startPushService,
  type TestSubscription,
  verifyVapid,
} from "../helpers/push-endpoint";
import {
  type Caller,
  callerFor,
  createBuddyLink,
  createUser,
  DEFAULT_PASSWORD,
  signIn,
} from "../helpers/users";

const t = setupTestDb();

const ZONE = "Europe/Paris";
/** 10:00 in Paris on a Thursday in November (UTC+1). */
const MORNING = new Date("2026-11-26T09:00:00Z");

let push: PushService;
beforeAll(async () => {
  push = await startPushService();
});
afterAll(() => push.close());

/** Someone signed in on one phone at MORNING, in Paris. */
async function person(name = "Robin") {
  const user = await createUser(t.db, { timeZone: ZONE, displayName: name });
  const sessionId = await signIn(t.db, user.userId, MORNING);
  return { ...user, sessionId, caller: await callerFor(t.db, sessionId, MORNING) };
}

/** That person turns notifications on, on a phone of their own. */
async function subscribed(caller: Caller): Promise<TestSubscription> {
  const subscription = push.subscription();
  const { endpoint, keys } = subscription;
  expect(await caller.push.subscribe({ endpoint, keys })).toEqual({ subscribed: true });
  return subscription;
}

/** Runs the reminder runner once, as each server process's timer does. */
async function runOnce(database = t.db, at = MORNING) {
  const runner = startReminderRunner({
    intervalMs: 60_000,
    database: async () => database,
    appUrl: "https://rekindle.test",
    clock: () => at,
    send: async () => {},
  });
  await runner.runOnce();
  await runner.stop();
}

const rowsOf = (userId: string) =>
  t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

/** Asks for a daily 09:00 reminder, pushed (and mailed too with `email`). */
async function wantsPushReminders(userId: string, email = false) {
  await reminderSettings.saveSettings(
    t.db,
    { userId },
    {
      enabled: true,
      checkInTime: "09:00",
      quietHours: false,
      quietStart: "22:00",
      quietEnd: "07:00",
      email,
      push: true,
      version: 0,
    },
    MORNING,
    true,
  );
}

describe("a push", () => {
  it("is encrypted for the device (RFC 8291) and signed with Rekindle's VAPID key", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    expect(await robin.caller.push.test({ endpoint: phone.endpoint })).toEqual({
      outcome: "sent",
    });

    expect(push.payloadsFor(phone)).toEqual([
      expect.objectContaining({ title: "Notifications are on", url: "/settings/reminders" }),
    ]);
    const [arrived] = push.received.filter((p) => p.id === phone.id);
    expect(arrived?.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(arrived?.headers.ttl)).toBeGreaterThan(0);
    const claims = verifyVapid(
      arrived?.headers ?? {},
      phone.endpoint,
      vapidKeys()?.publicKey ?? "",
    );
    expect(claims.sub).toMatch(/^(mailto:|https:)/);
    // The ciphertext does not carry the words in the clear.
    expect(arrived?.body.toString("latin1")).not.toContain("Notifications");
    const [row] = await rowsOf(robin.userId);
    expect(row?.lastSuccessAt).not.toBeNull();
  });

  it("brings the daily check-in reminder once, and names no one", async () => {
    const robin = await person();
    await startJourney(t.db, robin.userId, { exName: "Jordan" });
    const phone = await subscribed(robin.caller);
    await wantsPushReminders(robin.userId);

    await runOnce();
    await runOnce(t.db, new Date(MORNING.getTime() + 3_600_000));

    const payloads = push.payloadsFor(phone);
    expect(payloads).toEqual([
      { title: "Your check-in", body: expect.any(String), url: "/home", tag: "reminder" },
    ]);
    expect(JSON.stringify(payloads)).not.toMatch(/Jordan|Robin/);
    const [reminder] = await t.db
      .select()
      .from(reminders)
      .where(eq(reminders.userId, robin.userId));
    expect(reminder).toMatchObject({ status: "delivered", byPush: true });
  });

  it("in discreet mode says only “A reminder”", async () => {
    const robin = await person();
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, robin.userId));
    const phone = await subscribed(robin.caller);
    await wantsPushReminders(robin.userId);
    await runOnce();
    expect(push.payloadsFor(phone)).toEqual([
      { title: "A reminder", body: "", url: "/home", tag: "reminder" },
    ]);
  });

  it("tells of a buddy's note, but never what it says", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    const { token } = await createBuddyLink(robin.caller, "Maya");
    await sendEncouragement(t.db, token, { name: "Maya", message: "so proud of you, secret" });
    expect(await t.db.select().from(pushMessages)).toHaveLength(1);

    await runOnce();
    await runOnce();
    const payloads = push.payloadsFor(phone);
    expect(payloads).toEqual([
      expect.objectContaining({ title: "A new note", url: "/buddies/inbox", tag: "note" }),
    ]);
    expect(JSON.stringify(payloads)).not.toMatch(/Maya|proud|secret/);
    expect(await t.db.select().from(pushMessages)).toHaveLength(0);

    // Discreet: the title alone.
    await t.db.update(users).set({ discreet: true }).where(eq(users.id, robin.userId));
    await sendEncouragement(t.db, token, { message: "again" });
    await runOnce();
    expect(push.payloadsFor(phone)[1]).toEqual({
      title: "A new note",
      body: "",
      url: "/buddies/inbox",
      tag: "note",
    });
  });

  it("of a buddy's note waits for the end of the person's quiet hours", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    await reminderSettings.saveSettings(
      t.db,
      { userId: robin.userId },
      {
        enabled: true,
        checkInTime: "09:00",
        quietHours: true,
        quietStart: "22:00",
        quietEnd: "07:00",
        email: false,
        push: true,
        version: 0,
      },
      MORNING,
      true,
    );
    const { token } = await createBuddyLink(robin.caller, "Maya");
    await sendEncouragement(t.db, token, { name: "Maya", message: "thinking of you" });

    // 23:30 and 06:59 in Paris: quiet, the note waits.
    await runOnce(t.db, new Date("2026-11-26T22:30:00Z"));
    await runOnce(t.db, new Date("2026-11-27T05:59:00Z"));
    expect(push.payloadsFor(phone)).toEqual([]);
    expect(await t.db.select().from(pushMessages)).toHaveLength(1);

    // 07:00 in Paris: the hours are over, and it arrives once.
    await runOnce(t.db, new Date("2026-11-27T06:00:00Z"));
    await runOnce(t.db, new Date("2026-11-27T06:01:00Z"));
    expect(push.payloadsFor(phone)).toEqual([expect.objectContaining({ title: "A new note" })]);
  });

  it("goes to no one who has no device with notifications on", async () => {
    const robin = await person();
    const { token } = await createBuddyLink(robin.caller);
    await sendEncouragement(t.db, token, { message: "hello" });
    expect(await t.db.select().from(pushMessages)).toHaveLength(0);
  });
});

describe("a subscription", () => {
  it("is deleted when its push service answers 404 or 410", async () => {
    const robin = await person();
    const [gone, forgotten, fine] = [
      await subscribed(robin.caller),
      await subscribed(robin.caller),
      await subscribed(robin.caller),
    ];
    push.answer(gone, 410);
    push.answer(forgotten, 404);
    await wantsPushReminders(robin.userId);
    await runOnce();

    const left = await rowsOf(robin.userId);
    expect(left.map((r) => r.endpoint)).toEqual([fine.endpoint]);
    expect(await robin.caller.push.status({ endpoint: gone.endpoint })).toMatchObject({
      subscribed: false,
    });
  });

  it("stays after a push service's passing failure", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    push.answer(phone, 503);
    expect(await robin.caller.push.test({ endpoint: phone.endpoint })).toEqual({
      outcome: "failed",
    });
    expect(await rowsOf(robin.userId)).toHaveLength(1);
  });

  it("ends when that device signs out, on “sign out everywhere”, and with the account", async () => {
    const robin = await person();
    const phoneSession = await signIn(t.db, robin.userId, MORNING);
    const phoneCaller = await callerFor(t.db, phoneSession, MORNING);
    const laptop = await subscribed(robin.caller);
    await subscribed(phoneCaller);

    // Ending the phone's session (signing out there) takes its subscription with it.
    const sessions = await robin.caller.account.sessions();
    const phoneRow = sessions.find((s) => !s.current);
    await robin.caller.account.endSession({ id: phoneRow?.id ?? "" });
    expect((await rowsOf(robin.userId)).map((r) => r.endpoint)).toEqual([laptop.endpoint]);

    await robin.caller.account.signOutEverywhere();
    expect(await rowsOf(robin.userId)).toEqual([]);

    const again = await signIn(t.db, robin.userId, MORNING);
    const caller = await callerFor(t.db, again, MORNING);
    await subscribed(caller);
    await caller.account.deleteAccount({ password: DEFAULT_PASSWORD });
    expect(await t.db.select().from(pushSubscriptions)).toEqual([]);
  });

  it("moves to whoever signs in on that browser next and turns notifications on", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    const sam = await person("Sam");
    await sam.caller.push.subscribe({ endpoint: phone.endpoint, keys: phone.keys });
    expect(await rowsOf(robin.userId)).toEqual([]);
    expect(await rowsOf(sam.userId)).toHaveLength(1);
  });

  it("is the owner's alone: another person can't see, test or remove it", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    const other = await person("Other");

    expect(await other.caller.push.status({ endpoint: phone.endpoint })).toMatchObject({
      subscribed: false,
    });
    const error = await other.caller.push.test({ endpoint: phone.endpoint }).catch((e) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    await other.caller.push.unsubscribe({ endpoint: phone.endpoint });

    expect(await rowsOf(robin.userId)).toHaveLength(1);
    expect(push.payloadsFor(phone)).toEqual([]);
    expect(await robin.caller.push.status({ endpoint: phone.endpoint })).toMatchObject({
      subscribed: true,
    });
    await robin.caller.push.unsubscribe({ endpoint: phone.endpoint });
    expect(await rowsOf(robin.userId)).toEqual([]);
  });

  it("refuses keys that aren't a browser's, naming the field", async () => {
    const robin = await person();
    const phone = push.subscription();
    const error = await robin.caller.push
      .subscribe({ endpoint: phone.endpoint, keys: { p256dh: "short", auth: phone.keys.auth } })
      .catch((e) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause)).toContain("p256dh");
    expect(await rowsOf(robin.userId)).toEqual([]);
  });
});

describe("two runners at once", () => {
  it("push each reminder and each note once on one database", async () => {
    const robin = await person();
    const phone = await subscribed(robin.caller);
    await wantsPushReminders(robin.userId);
    const { token } = await createBuddyLink(robin.caller);
    await sendEncouragement(t.db, token, { message: "hi" });
    await Promise.all([runOnce(), runOnce(), runOnce()]);
    expect(
      push
        .payloadsFor(phone)
        .map((p) => p.tag)
        .sort(),
    ).toEqual(["note", "reminder"]);
  });

  // Skipped on PGlite: it lives inside one process, so it has no two instances to race.
  describe.runIf(t.kind === "postgres")("on PostgreSQL", () => {
    const instances: Database[] = [];
    afterAll(() => Promise.all(instances.map((d) => d.close())));
    const instance = () => {
      const database = postgresDatabase(workerPostgresUrl(), 3);
      instances.push(database);
      return database.db;
    };

    it("push each reminder and each note once from two separate pools", async () => {
      const people = [await person("A"), await person("B"), await person("C")];
      const phones: TestSubscription[] = [];
      for (const p of people) {
        phones.push(await subscribed(p.caller));
        await wantsPushReminders(p.userId);
        const { token } = await createBuddyLink(p.caller);
        await sendEncouragement(t.db, token, { message: "hi" });
      }
      const [one, two] = [instance(), instance()];
      await Promise.all([runOnce(one), runOnce(two), runOnce(one), runOnce(two)]);
      for (const phone of phones) {
        expect(
          push
            .payloadsFor(phone)
            .map((p) => p.tag)
            .sort(),
        ).toEqual(["note", "reminder"]);
      }
    });
  });
});
