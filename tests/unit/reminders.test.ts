import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { saveReminderSettingsInput } from "@/lib/schemas/reminders";
import { addDays, localDay, startOfLocalDay } from "@/lib/stats";
import { reminderMail } from "@/server/reminders/mail";
import {
  inQuietHours,
  localMinute,
  type ReminderPrefs,
  reminderDue,
} from "@/server/reminders/schedule";

const prefs = (over: Partial<ReminderPrefs> = {}): ReminderPrefs => ({
  enabled: true,
  checkInMinute: 9 * 60,
  quietStartMinute: 22 * 60,
  quietEndMinute: 7 * 60,
  resumeOn: null,
  ...over,
});

const facts = (iso: string, over: { activeToday?: boolean; remindedToday?: boolean } = {}) => ({
  now: new Date(iso),
  timeZone: "Europe/Paris",
  activeToday: false,
  remindedToday: false,
  ...over,
});

describe("a daily reminder", () => {
  it("is due once the check-in time has passed on the person's own clock", () => {
    // 08:59 and 09:00 in Paris (UTC+1 in November).
    expect(reminderDue(prefs(), facts("2026-11-26T07:59:00Z"))).toMatchObject({
      due: false,
      reason: "too_early",
    });
    expect(reminderDue(prefs(), facts("2026-11-26T08:00:00Z"))).toEqual({
      due: true,
      day: "2026-11-26",
    });
    // Later the same day still counts: a runner that was down catches up.
    expect(reminderDue(prefs(), facts("2026-11-26T17:00:00Z")).due).toBe(true);
  });

  it("counts the day in the person's zone, not the server's", () => {
    // 23:30 UTC on the 26th is already the 27th in Tokyo, at 08:30: too early there.
    const tokyo = { ...facts("2026-11-26T23:30:00Z"), timeZone: "Asia/Tokyo" };
    expect(reminderDue(prefs(), tokyo)).toMatchObject({ due: false, day: "2026-11-27" });
    expect(reminderDue(prefs({ checkInMinute: 8 * 60 }), tokyo)).toEqual({
      due: true,
      day: "2026-11-27",
    });
  });

  it("waits out quiet hours, including ones that run past midnight", () => {
    const late = prefs({ checkInMinute: 20 * 60 });
    // 22:30 in Paris: past the check-in time but inside quiet hours.
    expect(reminderDue(late, facts("2026-11-26T21:30:00Z"))).toMatchObject({ reason: "quiet" });
    expect(inQuietHours(23 * 60, 22 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(6 * 60 + 59, 22 * 60, 7 * 60)).toBe(true);
    expect(inQuietHours(7 * 60, 22 * 60, 7 * 60)).toBe(false);
    expect(inQuietHours(13 * 60, 12 * 60, 14 * 60)).toBe(true);
    expect(inQuietHours(13 * 60, null, null)).toBe(false);
  });

  it("is not sent on a day the person already showed up, or twice in a day", () => {
    const at = "2026-11-26T10:00:00Z";
    expect(reminderDue(prefs(), facts(at, { activeToday: true }))).toMatchObject({
      reason: "active",
    });
    expect(reminderDue(prefs(), facts(at, { remindedToday: true }))).toMatchObject({
      reason: "already",
    });
    expect(reminderDue(prefs({ enabled: false }), facts(at))).toMatchObject({ reason: "off" });
  });

  it("stays quiet through a week's snooze and comes back on its own", () => {
    const snoozed = prefs({ resumeOn: "2026-12-03" });
    expect(reminderDue(snoozed, facts("2026-11-26T10:00:00Z"))).toMatchObject({
      reason: "snoozed",
    });
    expect(reminderDue(snoozed, facts("2026-12-02T10:00:00Z"))).toMatchObject({
      reason: "snoozed",
    });
    expect(reminderDue(snoozed, facts("2026-12-03T10:00:00Z")).due).toBe(true);
  });
});

describe("a reminder on a daylight-saving day", () => {
  it("at a time the clock skips comes at the first minute after the gap", () => {
    // Berlin, 29 March 2026: 02:00 becomes 03:00 (01:00 UTC).
    const at = prefs({ checkInMinute: 2 * 60 + 30, quietStartMinute: null, quietEndMinute: null });
    const berlin = (iso: string) => ({ ...facts(iso), timeZone: "Europe/Berlin" });
    expect(reminderDue(at, berlin("2026-03-29T00:59:00Z")).due).toBe(false);
    expect(localMinute(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe(3 * 60);
    expect(reminderDue(at, berlin("2026-03-29T01:00:00Z"))).toEqual({
      due: true,
      day: "2026-03-29",
    });
  });

  it("at a time the clock repeats comes once", () => {
    // New York, 1 November 2026: 02:00 goes back to 01:00, so 01:30 happens twice.
    const at = prefs({ checkInMinute: 90, quietStartMinute: null, quietEndMinute: null });
    const ny = (iso: string, remindedToday = false) => ({
      ...facts(iso, { remindedToday }),
      timeZone: "America/New_York",
    });
    expect(reminderDue(at, ny("2026-11-01T05:30:00Z")).due).toBe(true); // 01:30 EDT
    expect(localMinute(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe(90); // EST
    expect(reminderDue(at, ny("2026-11-01T06:30:00Z", true))).toMatchObject({
      due: false,
      reason: "already",
    });
  });
});

/** Walks one local day minute by minute, as a runner would, remembering what it sent. */
function walkDay(p: ReminderPrefs, timeZone: string, day: string) {
  const sent: Date[] = [];
  const from = startOfLocalDay(day, timeZone).getTime();
  const to = startOfLocalDay(addDays(day, 1), timeZone).getTime();
  for (let t = from; t < to; t += 60_000) {
    const now = new Date(t);
    const answer = reminderDue(p, {
      now,
      timeZone,
      activeToday: false,
      remindedToday: sent.length > 0,
    });
    if (answer.due) sent.push(now);
  }
  return sent;
}

const zones = fc.constantFrom(
  "UTC",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Chatham",
);
/** Days around this year's changes of clocks, and ordinary ones. */
const days = fc.constantFrom(
  "2026-03-08",
  "2026-03-29",
  "2026-04-05",
  "2026-07-14",
  "2026-09-27",
  "2026-10-04",
  "2026-10-25",
  "2026-11-01",
  "2026-11-26",
);
const minute = fc.integer({ min: 0, max: 1439 });
const quiet = fc.option(fc.tuple(minute, minute), { nil: null });

describe("over any day in any zone", () => {
  test.prop([zones, days, minute, quiet], { numRuns: 60 })(
    "there is never more than one reminder, and none inside quiet hours",
    (timeZone, day, checkInMinute, quietHours) => {
      const p = prefs({
        checkInMinute,
        quietStartMinute: quietHours?.[0] ?? null,
        quietEndMinute: quietHours?.[1] ?? null,
      });
      const sent = walkDay(p, timeZone, day);
      expect(sent.length).toBeLessThanOrEqual(1);
      for (const at of sent) {
        expect(localDay(at, timeZone)).toBe(day);
        expect(inQuietHours(localMinute(at, timeZone), p.quietStartMinute, p.quietEndMinute)).toBe(
          false,
        );
      }
    },
  );

  test.prop([fc.constantFrom("UTC", "Asia/Tokyo", "Asia/Kolkata"), days, minute, quiet], {
    numRuns: 40,
  })(
    "a time the settings form accepts is reminded exactly once, at that minute",
    (timeZone, day, checkInMinute, quietHours) => {
      const time = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      const form = saveReminderSettingsInput.safeParse({
        enabled: true,
        checkInTime: time(checkInMinute),
        quietHours: quietHours !== null,
        quietStart: time(quietHours?.[0] ?? 0),
        quietEnd: time(quietHours?.[1] ?? 60),
        email: false,
        version: 0,
      });
      fc.pre(form.success);
      const p = prefs({
        checkInMinute,
        quietStartMinute: quietHours?.[0] ?? null,
        quietEndMinute: quietHours?.[1] ?? null,
      });
      const sent = walkDay(p, timeZone, day);
      expect(sent).toHaveLength(1);
      expect(localMinute(sent[0] as Date, timeZone)).toBe(checkInMinute);
    },
  );
});

describe("the settings form", () => {
  const valid = {
    enabled: true,
    checkInTime: "21:00",
    quietHours: true,
    quietStart: "22:00",
    quietEnd: "07:00",
    email: false,
    version: 0,
  };

  it("refuses a check-in time inside quiet hours, on its field", () => {
    const result = saveReminderSettingsInput.safeParse({ ...valid, checkInTime: "23:15" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["checkInTime"]);
    expect(saveReminderSettingsInput.safeParse(valid).success).toBe(true);
    // With quiet hours off, any time will do.
    expect(
      saveReminderSettingsInput.safeParse({ ...valid, quietHours: false, checkInTime: "23:15" })
        .success,
    ).toBe(true);
  });

  it("refuses times that aren't times, and quiet hours that end when they start", () => {
    for (const checkInTime of ["24:00", "9:00", "09:60", "", "noon"]) {
      expect(saveReminderSettingsInput.safeParse({ ...valid, checkInTime }).success).toBe(false);
    }
    const same = saveReminderSettingsInput.safeParse({ ...valid, quietEnd: "22:00" });
    expect(same.error?.issues[0]?.path).toEqual(["quietEnd"]);
  });
});

describe("a reminder mail", () => {
  const base = {
    kind: "check_in" as const,
    stepNumber: null,
    discreet: false,
    displayName: "Robin",
    appUrl: "https://rekindle.test",
  };

  it("has a neutral subject and always a way to change or stop reminders", () => {
    for (const mail of [
      reminderMail("r@example.com", base),
      reminderMail("r@example.com", { ...base, kind: "stalled_step", stepNumber: 3 }),
      reminderMail("r@example.com", { ...base, discreet: true }),
    ]) {
      expect(["Your check-in", "A reminder"]).toContain(mail.subject);
      expect(mail.text).toContain("https://rekindle.test/settings/reminders");
      expect(mail.text).not.toMatch(/\bex\b|breakup|back together|relationship/i);
    }
  });

  it("in discreet mode names no one and no plan", () => {
    const mail = reminderMail("r@example.com", { ...base, kind: "stalled_step", stepNumber: 3 });
    expect(mail.text).toContain("/plan/3");
    const discreet = reminderMail("r@example.com", {
      ...base,
      kind: "stalled_step",
      stepNumber: 3,
      discreet: true,
    });
    expect(discreet.subject).toBe("A reminder");
    expect(discreet.text).not.toContain("Robin");
    expect(discreet.text).not.toMatch(/[Ss]tep|[Pp]lan|Rekindle/);
  });
});
