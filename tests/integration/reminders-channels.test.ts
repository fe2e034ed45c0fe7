import { fc, test } from "@fast-check/vitest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect } from "vitest";
import { checkIns, reminderSettings, reminders, sessions, users } from "@/db/schema";
import { addDays, localDay, startOfLocalDay } from "@/lib/stats";
import type { Mail } from "@/server/mail";
import { vapidKeys } from "@/server/push/keys";
import { webPusher } from "@/server/push/send";
import { runReminders } from "@/server/reminders/jobs";
import { inQuietHours, localMinute, timeOfMinute } from "@/server/reminders/schedule";
import * as service from "@/server/services/reminders";
import { setupTestDb } from "../helpers/db";
import { type PushService, startPushService } from "../helpers/push-endpoint";
import { callerFor, createUser, signIn } from "../helpers/users";

/**
 * The reminder rules of tests/unit/reminders.test.ts, held again end to end for each way a
 * person can be reminded: in the app only, by e-mail, by push, or both. A runner walks a
 * whole day in the person's zone, sending through a real local push service.
 */
const t = setupTestDb();

let push: PushService;
beforeAll(async () => {
  push = await startPushService();
});
afterAll(() => push.close());

const STEP_MS = 30 * 60_000;
const channels = fc.constantFrom(
  { email: false, push: false },
  { email: true, push: false },
  { email: false, push: true },
  { email: true, push: true },
);
const zones = fc.constantFrom("Europe/Paris", "America/New_York", "Asia/Kolkata");
/** An ordinary day, and the nights clocks change in Europe and America. */
const days = fc.constantFrom("2026-11-26", "2026-10-25", "2026-11-01", "2026-03-29");
/** On the walk's own half-hour grid, so "at that minute" is a moment a runner looks. */
const minute = fc.integer({ min: 0, max: 47 }).map((n) => n * 30);
const quiet = fc.option(fc.tuple(minute, minute), { nil: null });

/** Someone signed in on a phone with notifications on, far ahead of any walked day. */
async function subscribedPerson() {
  const user = await createUser(t.db);
  const signedInAt = new Date("2026-03-01T00:00:00Z");
  const caller = await callerFor(t.db, await signIn(t.db, user.userId, signedInAt), signedInAt);
  const phone = push.subscription();
  await caller.push.subscribe({ endpoint: phone.endpoint, keys: phone.keys });
  // Kept signed in through every day the walk may visit.
  await t.db
    .update(sessions)
    .set({
      expiresAt: new Date("2027-01-01T00:00:00Z"),
      lastSeenAt: new Date("2026-12-31T00:00:00Z"),
    })
    .where(eq(sessions.userId, user.userId));
  return { user, phone };
}

let person: Awaited<ReturnType<typeof subscribedPerson>> | undefined;
// Every test starts on emptied tables, so with no one in them.
beforeEach(() => {
  person = undefined;
});

describe("whichever channel is chosen", () => {
  test.prop(
    [channels, zones, days, minute, quiet, fc.option(minute, { nil: null }), fc.boolean()],
    {
      numRuns: 10,
      // Always one day with nothing in the way, on both channels, among the random ones.
      examples: [
        [{ email: true, push: true }, "Europe/Paris", "2026-11-26", 540, null, null, false],
      ],
    },
  )(
    "one reminder a day at most, by the chosen channels only, none in quiet hours, after activity or while snoozed",
    async (channel, timeZone, day, checkInMinute, quietHours, activeAt, snoozed) => {
      // One person for every run (a password hash costs a tenth of a second), started afresh.
      person ??= await subscribedPerson();
      const { user, phone } = person;
      await t.db.delete(reminderSettings).where(eq(reminderSettings.userId, user.userId));
      await t.db.delete(reminders).where(eq(reminders.userId, user.userId));
      await t.db.delete(checkIns).where(eq(checkIns.userId, user.userId));
      await t.db.update(users).set({ timeZone }).where(eq(users.id, user.userId));
      const dayStart = startOfLocalDay(day, timeZone);

      const [start, end] = quietHours ?? [0, 60];
      const form = {
        enabled: true,
        checkInTime: timeOfMinute(checkInMinute),
        quietHours: quietHours !== null,
        quietStart: timeOfMinute(start),
        quietEnd: timeOfMinute(end),
        ...channel,
        version: 0,
      };
      await service.saveSettings(t.db, { userId: user.userId }, form, dayStart, true);
      if (snoozed) await service.snooze(t.db, { userId: user.userId }, dayStart);

      const mails: Date[] = [];
      const pushes: Date[] = [];
      const pusher = webPusher(vapidKeys() ?? { publicKey: "", privateKey: "", subject: "" });
      const dayEnd = startOfLocalDay(addDays(day, 1), timeZone).getTime();
      let active = false;
      for (let at = dayStart.getTime(); at < dayEnd; at += STEP_MS) {
        const now = new Date(at);
        if (activeAt !== null && !active && localMinute(now, timeZone) >= activeAt) {
          await t.db.insert(checkIns).values({ userId: user.userId, day });
          active = true;
        }
        const seen = push.payloadsFor(phone).length;
        await runReminders(t.db, {
          now,
          appUrl: "https://rekindle.test",
          send: async (_mail: Mail) => void mails.push(now),
          push: pusher,
        });
        if (push.payloadsFor(phone).length > seen) pushes.push(now);
      }

      const sent = [...mails, ...pushes];
      expect(mails.length).toBeLessThanOrEqual(channel.email ? 1 : 0);
      expect(pushes.length).toBeLessThanOrEqual(channel.push ? 1 : 0);
      // Both channels carry the same one reminder, in the same run.
      if (mails.length && pushes.length) expect(mails[0]).toEqual(pushes[0]);
      if (snoozed) expect(sent).toEqual([]);
      // Nothing in the way: exactly one, by each chosen channel.
      if (!snoozed && activeAt === null && quietHours === null) {
        expect(mails).toHaveLength(channel.email ? 1 : 0);
        expect(pushes).toHaveLength(channel.push ? 1 : 0);
      }
      for (const at of sent) {
        expect(localDay(at, timeZone)).toBe(day);
        const local = localMinute(at, timeZone);
        expect(
          inQuietHours(local, form.quietHours ? start : null, form.quietHours ? end : null),
        ).toBe(false);
        if (activeAt !== null) expect(local).toBeLessThan(activeAt);
      }
    },
    120_000,
  );
});
