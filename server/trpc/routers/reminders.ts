import "#server-only";
import {
  calendarFeedOutput,
  createdCalendarFeedOutput,
  okOutput,
  reminderNoticeOutput,
  reminderSettingsOutput,
  saveReminderSettingsInput,
} from "@/lib/schemas/reminders";
import * as calendar from "@/server/services/calendar";
import * as reminders from "@/server/services/reminders";
import { answer, protectedProcedure, router } from "../init";

/** The daily check-in reminder, today's notice on the home page, and the calendar feed. */
export const remindersRouter = router({
  settings: protectedProcedure
    .output(answer(reminderSettingsOutput))
    .query(({ ctx }) => reminders.getSettings(ctx.db, ctx.actor)),

  save: protectedProcedure
    .input(saveReminderSettingsInput)
    .output(answer(reminderSettingsOutput))
    .mutation(({ ctx, input }) => reminders.saveSettings(ctx.db, ctx.actor, input)),

  /** No reminders today and the six days after; they come back by themselves. */
  snooze: protectedProcedure
    .output(answer(reminderSettingsOutput))
    .mutation(({ ctx }) => reminders.snooze(ctx.db, ctx.actor)),

  resume: protectedProcedure
    .output(answer(reminderSettingsOutput))
    .mutation(({ ctx }) => reminders.resume(ctx.db, ctx.actor)),

  notice: protectedProcedure
    .output(answer(reminderNoticeOutput))
    .query(({ ctx }) => reminders.notice(ctx.db, ctx.actor)),

  dismiss: protectedProcedure
    .output(answer(okOutput))
    .mutation(({ ctx }) => reminders.dismiss(ctx.db, ctx.actor)),

  calendar: protectedProcedure
    .output(answer(calendarFeedOutput))
    .query(({ ctx }) => calendar.feedStatus(ctx.db, ctx.actor)),

  /** Answers with the token once; making a new one retires the old address. */
  createCalendar: protectedProcedure
    .output(answer(createdCalendarFeedOutput))
    .mutation(({ ctx }) => calendar.createFeed(ctx.db, ctx.actor)),

  revokeCalendar: protectedProcedure
    .output(answer(calendarFeedOutput))
    .mutation(({ ctx }) => calendar.revokeFeed(ctx.db, ctx.actor)),
});
