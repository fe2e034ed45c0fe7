import "#server-only";
import { dashboardOutput } from "@/lib/schemas/dashboard";
import { homeOutput } from "@/lib/schemas/home";
import { weekStartFor } from "@/lib/stats/locale";
import * as dashboard from "@/server/services/dashboard";
import { getHome } from "@/server/services/home";
import { answer, protectedProcedure, router } from "../init";

export const dashboardRouter = router({
  /** Streak, calendar, mood, who starts contact, days since, and the plan at a glance. */
  get: protectedProcedure.output(answer(dashboardOutput)).query(({ ctx }) =>
    dashboard.getDashboard(ctx.db, ctx.actor, {
      timeZone: ctx.user.timeZone,
      weekStartsOn: weekStartFor(ctx.user.weekStart, ctx.meta.locale),
    }),
  ),

  /** Everything Home shows, in one read: see server/services/home.ts. */
  home: protectedProcedure.output(answer(homeOutput)).query(({ ctx }) =>
    getHome(ctx.db, ctx.actor, {
      timeZone: ctx.user.timeZone,
      weekStartsOn: weekStartFor(ctx.user.weekStart, ctx.meta.locale),
    }),
  ),
});
