import "#server-only";
import { idOutput } from "@/lib/schemas/common";
import {
  createJournalEntryInput,
  journalEntryIdInput,
  journalEntryOutput,
  journalFormContextOutput,
  journalListOutput,
  listJournalInput,
  updateJournalEntryInput,
} from "@/lib/schemas/journal";
import * as journal from "@/server/services/journal";
import { answer, protectedProcedure, router } from "../init";

/** The private journal: entries with a mood, tied to a step of the plan or not. */
export const journalRouter = router({
  /** Newest first, `limit` at a time; pass the answer's `nextCursor` for the next page. */
  list: protectedProcedure
    .input(listJournalInput)
    .output(answer(journalListOutput))
    .query(({ ctx, input }) => journal.listEntries(ctx.db, ctx.actor, input)),

  byId: protectedProcedure
    .input(journalEntryIdInput)
    .output(answer(journalEntryOutput))
    .query(({ ctx, input }) => journal.getEntry(ctx.db, ctx.actor, input)),

  /** The steps the entry form offers (none when no plan is in progress). */
  formContext: protectedProcedure
    .output(answer(journalFormContextOutput))
    .query(({ ctx }) => journal.formContext(ctx.db, ctx.actor)),

  create: protectedProcedure
    .input(createJournalEntryInput)
    .output(answer(journalEntryOutput))
    .mutation(({ ctx, input }) => journal.createEntry(ctx.db, ctx.actor, input)),

  update: protectedProcedure
    .input(updateJournalEntryInput)
    .output(answer(journalEntryOutput))
    .mutation(({ ctx, input }) => journal.updateEntry(ctx.db, ctx.actor, input)),

  delete: protectedProcedure
    .input(journalEntryIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => journal.deleteEntry(ctx.db, ctx.actor, input)),
});
