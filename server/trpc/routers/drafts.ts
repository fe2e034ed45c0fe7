import "#server-only";
import { idOutput } from "@/lib/schemas/common";
import {
  createDraftInput,
  deleteDraftInput,
  draftByIdInput,
  draftListOutput,
  draftOutput,
  draftStepsOutput,
  listDraftsInput,
  markSentInput,
  updateDraftInput,
} from "@/lib/schemas/drafts";
import * as drafts from "@/server/services/drafts";
import { answer, protectedProcedure, router } from "../init";

export const draftsRouter = router({
  /** The steps that have a message to draft, with their self-check questions. */
  steps: protectedProcedure
    .output(answer(draftStepsOutput))
    .query(({ ctx }) => drafts.listDraftSteps(ctx.db, ctx.actor)),

  list: protectedProcedure
    .input(listDraftsInput)
    .output(answer(draftListOutput))
    .query(({ ctx, input }) => drafts.listDrafts(ctx.db, ctx.actor, input)),

  byId: protectedProcedure
    .input(draftByIdInput)
    .output(answer(draftOutput))
    .query(({ ctx, input }) => drafts.getDraft(ctx.db, ctx.actor, input.id)),

  create: protectedProcedure
    .input(createDraftInput)
    .output(answer(draftOutput))
    .mutation(({ ctx, input }) => drafts.createDraft(ctx.db, ctx.actor, input)),

  update: protectedProcedure
    .input(updateDraftInput)
    .output(answer(draftOutput))
    .mutation(({ ctx, input }) => drafts.updateDraft(ctx.db, ctx.actor, input)),

  /** Only once the draft is ready: cooled down, every question answered. */
  markSent: protectedProcedure
    .input(markSentInput)
    .output(answer(draftOutput))
    .mutation(({ ctx, input }) =>
      drafts.markSent(ctx.db, ctx.actor, input, {
        timeZone: ctx.user.timeZone,
        locale: ctx.meta.locale,
      }),
    ),

  delete: protectedProcedure
    .input(deleteDraftInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => drafts.deleteDraft(ctx.db, ctx.actor, input.id)),
});
