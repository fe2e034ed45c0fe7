import "#server-only";
import { idOutput } from "@/lib/schemas/common";
import { journeyOutput } from "@/lib/schemas/journey";
import {
  addMemoryInput,
  addReflectionInput,
  byIdInput,
  memoryOutput,
  reflectionOutput,
  setMemorySharedInput,
  setTaskInput,
  stepDetailOutput,
  stepInput,
  updateReflectionInput,
} from "@/lib/schemas/steps";
import * as steps from "@/server/services/steps";
import { answer, protectedProcedure, router } from "../init";

export const stepsRouter = router({
  byNumber: protectedProcedure
    .input(stepInput)
    .output(answer(stepDetailOutput))
    .query(({ ctx, input }) => steps.stepDetail(ctx.db, ctx.actor, input.stepNumber)),

  setTask: protectedProcedure
    .input(setTaskInput)
    .output(answer(journeyOutput))
    .mutation(({ ctx, input }) => steps.setTask(ctx.db, ctx.actor, input)),

  reopen: protectedProcedure
    .input(stepInput)
    .output(answer(journeyOutput))
    .mutation(({ ctx, input }) => steps.reopenStep(ctx.db, ctx.actor, input.stepNumber)),

  addReflection: protectedProcedure
    .input(addReflectionInput)
    .output(answer(reflectionOutput))
    .mutation(({ ctx, input }) => steps.addReflection(ctx.db, ctx.actor, input)),

  updateReflection: protectedProcedure
    .input(updateReflectionInput)
    .output(answer(reflectionOutput))
    .mutation(({ ctx, input }) => steps.updateReflection(ctx.db, ctx.actor, input)),

  deleteReflection: protectedProcedure
    .input(byIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => steps.deleteReflection(ctx.db, ctx.actor, input.id)),

  addMemory: protectedProcedure
    .input(addMemoryInput)
    .output(answer(memoryOutput))
    .mutation(({ ctx, input }) => steps.addMemory(ctx.db, ctx.actor, input)),

  setMemoryShared: protectedProcedure
    .input(setMemorySharedInput)
    .output(answer(memoryOutput))
    .mutation(({ ctx, input }) => steps.setMemoryShared(ctx.db, ctx.actor, input)),

  deleteMemory: protectedProcedure
    .input(byIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => steps.deleteMemory(ctx.db, ctx.actor, input.id)),
});
