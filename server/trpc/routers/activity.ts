import "#server-only";
import {
  checkInInput,
  checkInOutput,
  pauseDayInput,
  pauseOutput,
  todayOutput,
  unpauseDayInput,
} from "@/lib/schemas/activity";
import * as activity from "@/server/services/activity";
import { protectedProcedure, router } from "../init";

/** "Today" is the user's own calendar day, in the time zone of their profile. */
const clockOf = (ctx: { user: { timeZone: string }; meta: { locale: string } }) => ({
  timeZone: ctx.user.timeZone,
  locale: ctx.meta.locale,
});

export const activityRouter = router({
  checkIn: protectedProcedure
    .input(checkInInput)
    .output(checkInOutput)
    .mutation(({ ctx, input }) => activity.checkIn(ctx.db, ctx.actor, input, clockOf(ctx))),

  pauseDay: protectedProcedure
    .input(pauseDayInput)
    .output(pauseOutput)
    .mutation(({ ctx, input }) => activity.pauseDay(ctx.db, ctx.actor, input, clockOf(ctx))),

  unpauseDay: protectedProcedure
    .input(unpauseDayInput)
    .output(pauseOutput)
    .mutation(({ ctx, input }) => activity.unpauseDay(ctx.db, ctx.actor, input, clockOf(ctx))),

  today: protectedProcedure
    .output(todayOutput)
    .query(({ ctx }) => activity.today(ctx.db, ctx.actor, clockOf(ctx))),
});
