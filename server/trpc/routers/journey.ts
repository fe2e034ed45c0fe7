import "#server-only";
import {
  journeyHistoryOutput,
  journeyOutput,
  readinessResultOutput,
  recordOutcomeInput,
  retakeReadinessInput,
  startJourneyInput,
  updateSituationInput,
} from "@/lib/schemas/journey";
import * as journey from "@/server/services/journey";
import { answer, protectedProcedure, router } from "../init";

export const journeyRouter = router({
  current: protectedProcedure
    .output(answer(journeyOutput.nullable()))
    .query(({ ctx }) => journey.currentJourney(ctx.db, ctx.actor)),

  /** Ended journeys, newest first. */
  history: protectedProcedure
    .output(answer(journeyHistoryOutput))
    .query(({ ctx }) => journey.journeyHistory(ctx.db, ctx.actor)),

  start: protectedProcedure
    .input(startJourneyInput)
    .output(answer(journeyOutput))
    .mutation(({ ctx, input }) =>
      journey.startJourney(ctx.db, ctx.actor, input, { timeZone: ctx.user.timeZone }),
    ),

  retakeReadiness: protectedProcedure
    .input(retakeReadinessInput)
    .output(answer(readinessResultOutput))
    .mutation(async ({ ctx, input }) => {
      const verdict = await journey.retakeReadiness(ctx.db, ctx.actor, input.readiness);
      return { result: verdict.result };
    }),

  updateSituation: protectedProcedure
    .input(updateSituationInput)
    .output(answer(journeyOutput))
    .mutation(({ ctx, input }) =>
      journey.updateSituation(ctx.db, ctx.actor, input, { timeZone: ctx.user.timeZone }),
    ),

  recordOutcome: protectedProcedure
    .input(recordOutcomeInput)
    .output(answer(journeyOutput))
    .mutation(({ ctx, input }) => journey.recordOutcome(ctx.db, ctx.actor, input)),
});
