import { z } from "zod";
import { VERSION_MAX } from "./common";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const time = (what: string) =>
  z
    .string({ error: `Please choose ${what}.` })
    .regex(TIME, `Please choose ${what} as hours and minutes, like 19:30.`);

/** Minutes after midnight of "HH:MM", for the rule below (schedule.ts has the same). */
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The reminder settings form. Flat, so the form and the procedure share it: quiet hours
 * keep their two times even while switched off, so switching back on restores them.
 */
export const saveReminderSettingsInput = z
  .strictObject({
    enabled: z.boolean({ error: "Please say whether you'd like reminders." }),
    checkInTime: time("a check-in time"),
    quietHours: z.boolean({ error: "Please say whether you'd like quiet hours." }),
    quietStart: time("when quiet hours start"),
    quietEnd: time("when quiet hours end"),
    email: z.boolean({ error: "Please say whether you'd like an e-mail too." }),
    /** Push to the devices notifications are on for; absent in older clients, so off. */
    push: z.boolean({ error: "Please say whether you'd like a notification too." }).default(false),
    /** The version the form was loaded with; 0 when nothing was saved yet. */
    version: z.number().int().min(0).max(VERSION_MAX),
  })
  .superRefine((v, ctx) => {
    if (!v.quietHours) return;
    const [start, end, at] = [minutes(v.quietStart), minutes(v.quietEnd), minutes(v.checkInTime)];
    if (start === end) {
      ctx.addIssue({
        code: "custom",
        path: ["quietEnd"],
        message: "Quiet hours need to end at a different time than they start.",
      });
      return;
    }
    const quiet = start < end ? at >= start && at < end : at >= start || at < end;
    if (quiet) {
      ctx.addIssue({
        code: "custom",
        path: ["checkInTime"],
        message: "That time falls in your quiet hours. Please pick a time outside them.",
      });
    }
  });
export type SaveReminderSettingsInput = z.input<typeof saveReminderSettingsInput>;

export const reminderSettingsOutput = z.object({
  /** False until the person saves the form once: no reminders before that. */
  saved: z.boolean(),
  enabled: z.boolean(),
  checkInTime: z.string(),
  quietHours: z.boolean(),
  quietStart: z.string(),
  quietEnd: z.string(),
  email: z.boolean(),
  /** Whether this Rekindle can send mail at all (SMTP_URL is set). */
  emailAvailable: z.boolean(),
  push: z.boolean(),
  /** Whether this Rekindle can push at all (VAPID keys are set). */
  pushAvailable: z.boolean(),
  /** The first local day reminders come back after a snooze, while snoozed. */
  snoozedUntil: z.string().nullable(),
  timeZone: z.string(),
  version: z.number().int(),
});
export type ReminderSettingsView = z.infer<typeof reminderSettingsOutput>;

/** What the home page shows: today's reminder, or nothing. */
export const reminderNoticeOutput = z
  .object({
    kind: z.enum(["check_in", "stalled_step"]),
    stepNumber: z.number().int().nullable(),
  })
  .nullable();
export type ReminderNotice = z.infer<typeof reminderNoticeOutput>;

/** Done; nothing more to say. */
export const okOutput = z.object({ ok: z.literal(true) });

export const calendarFeedOutput = z.object({
  active: z.boolean(),
  createdAt: z.date().nullable(),
  lastFetchedAt: z.date().nullable(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedOutput>;

/** The only moment the feed's token exists outside the person's calendar app. */
export const createdCalendarFeedOutput = z.object({
  feed: calendarFeedOutput,
  token: z.string(),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedOutput>;
