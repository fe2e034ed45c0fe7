import "#server-only";
import type { BuddyLink } from "@/db/schema";
import { buddyViewOutput } from "@/lib/schemas/buddies";
import {
  encourageSupportedInput,
  idOutput,
  saveSupportedInput,
  supportedIdInput,
  supportedListOutput,
} from "@/lib/schemas/supporting";
import { countBuddyLookup, countBuddyMessage } from "@/server/limits";
import * as supporting from "@/server/services/supporting";
import { answer, protectedProcedure, router } from "../init";

/**
 * "People I support": buddy links a signed-in person keeps on their home page. Entries are
 * addressed by their own id; the token is needed once, to save, and is never stored.
 */
/** A signed-in supporter's messages count per person, wherever they send from. */
const countFor = (userId: string) => (link: BuddyLink) =>
  countBuddyMessage(`user:${userId}`, link.id);

export const supportingRouter = router({
  /**
   * Saving twice answers with the same entry. The token is looked up, so it is counted
   * first against the address's one buddy-lookup budget, as at every door that takes one.
   */
  save: protectedProcedure
    .input(saveSupportedInput)
    .output(answer(idOutput))
    .mutation(async ({ ctx, input }) => {
      await countBuddyLookup(ctx.meta.address);
      return supporting.saveLink(ctx.db, ctx.actor, input);
    }),

  /** Only people whose link still works. */
  list: protectedProcedure
    .output(answer(supportedListOutput))
    .query(({ ctx }) => supporting.listSupported(ctx.db, ctx.actor)),

  /** The buddy page for one entry; counted as a visit, as opening the link is. */
  view: protectedProcedure
    .input(supportedIdInput)
    .output(answer(buddyViewOutput))
    .query(({ ctx, input }) =>
      supporting.supportedView(ctx.db, ctx.actor, input, undefined, ctx.meta.locale),
    ),

  encourage: protectedProcedure
    .input(encourageSupportedInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) =>
      supporting.encourageSupported(
        ctx.db,
        ctx.actor,
        input,
        new Date(),
        countFor(ctx.actor.userId),
      ),
    ),

  nudge: protectedProcedure
    .input(supportedIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) =>
      supporting.nudgeSupported(ctx.db, ctx.actor, input, new Date(), countFor(ctx.actor.userId)),
    ),

  remove: protectedProcedure
    .input(supportedIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => supporting.removeSupported(ctx.db, ctx.actor, input)),
});
