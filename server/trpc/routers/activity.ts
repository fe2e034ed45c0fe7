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
import { answer, protectedProcedure, router } from "../init";

/** "Today" is the user's own calendar day, in the time zone of their profile. */
const clockOf = (ctx: { user: { timeZone: string }; meta: { locale: string } }) => ({
  timeZone: ctx.user.timeZone,
  locale: ctx.meta.locale,
});

export const activityRouter = router({
  checkIn: protectedProcedure
    .input(checkInInput)
    .output(answer(checkInOutput))
    .mutation(({ ctx, input }) => activity.checkIn(ctx.db, ctx.actor, input, clockOf(ctx))),

  pauseDay: protectedProcedure
    .input(pauseDayInput)
    .output(answer(pauseOutput))
    .mutation(({ ctx, input }) => activity.pauseDay(ctx.db, ctx.actor, input, clockOf(ctx))),

  unpauseDay: protectedProcedure
    .input(unpauseDayInput)
    .output(answer(pauseOutput))
    .mutation(({ ctx, input }) => activity.unpauseDay(ctx.db, ctx.actor, input, clockOf(ctx))),

  today: protectedProcedure
    .output(answer(todayOutput))
    .query(({ ctx }) => activity.today(ctx.db, ctx.actor, clockOf(ctx))),
});
