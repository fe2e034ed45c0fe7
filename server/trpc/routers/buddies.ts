import "#server-only";
import {
  buddyLinkIdInput,
  buddyLinkListOutput,
  buddyLinkOutput,
  buddyPreviewOutput,
  createBuddyLinkInput,
  createdBuddyLinkOutput,
  encouragementIdInput,
  encouragementIdsInput,
  inboxOutput,
  markedReadOutput,
  unreadNotesOutput,
  updateBuddyLinkInput,
} from "@/lib/schemas/buddies";
import {
  buddyUpdatesOutput,
  stopBuddyUpdatesInput,
  thankedOutput,
  thankInput,
  thanksByMessageOutput,
} from "@/lib/schemas/buddy-mail";
import { idOutput } from "@/lib/schemas/common";
import * as buddies from "@/server/services/buddies";
import * as buddyMail from "@/server/services/buddies-mail";
import { answer, protectedProcedure, router } from "../init";

/**
 * The owner's side of accountability buddies. The buddy's side needs no account and is
 * served by the /b/[token] page straight from the service, not through tRPC.
 */
export const buddiesRouter = router({
  /** Answers with the token once; it is never stored and can't be shown again. */
  create: protectedProcedure
    .input(createBuddyLinkInput)
    .output(answer(createdBuddyLinkOutput))
    .mutation(({ ctx, input }) => buddies.createLink(ctx.db, ctx.actor, input)),

  list: protectedProcedure
    .output(answer(buddyLinkListOutput))
    .query(({ ctx }) => buddies.listLinks(ctx.db, ctx.actor)),

  update: protectedProcedure
    .input(updateBuddyLinkInput)
    .output(answer(buddyLinkOutput))
    .mutation(({ ctx, input }) => buddies.updateLink(ctx.db, ctx.actor, input)),

  revoke: protectedProcedure
    .input(buddyLinkIdInput)
    .output(answer(buddyLinkOutput))
    .mutation(({ ctx, input }) => buddyMail.revokeLinkAndUpdates(ctx.db, ctx.actor, input)),

  /** A revoked or ended link, gone for good with its notes. */
  remove: protectedProcedure
    .input(buddyLinkIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => buddies.removeLink(ctx.db, ctx.actor, input)),

  /** Exactly the page the buddy sees, without counting as a visit. */
  preview: protectedProcedure
    .input(buddyLinkIdInput)
    .output(answer(buddyPreviewOutput))
    .query(({ ctx, input }) =>
      buddies.previewLink(ctx.db, ctx.actor, input, undefined, ctx.meta.locale),
    ),

  inbox: protectedProcedure
    .output(answer(inboxOutput))
    .query(({ ctx }) => buddies.inbox(ctx.db, ctx.actor)),

  /** For the navigation's badge and Home's card, on every signed-in page. */
  unread: protectedProcedure
    .output(answer(unreadNotesOutput))
    .query(({ ctx }) => buddies.unreadNotes(ctx.db, ctx.actor)),

  markAllRead: protectedProcedure
    .input(encouragementIdsInput)
    .output(answer(markedReadOutput))
    .mutation(({ ctx, input }) => buddies.markAllRead(ctx.db, ctx.actor, input)),

  markRead: protectedProcedure
    .input(encouragementIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => buddies.markRead(ctx.db, ctx.actor, input)),

  /** Per link, whether its buddy gets e-mail updates: never the address. */
  updates: protectedProcedure
    .output(answer(buddyUpdatesOutput))
    .query(({ ctx }) => buddyMail.listUpdates(ctx.db, ctx.actor)),

  /** Stops a link's e-mail updates and deletes the buddy's address. */
  stopUpdates: protectedProcedure
    .input(stopBuddyUpdatesInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => buddyMail.stopUpdates(ctx.db, ctx.actor, input)),

  /** A short thank-you to a buddy's note, shown on that link's page. */
  thank: protectedProcedure
    .input(thankInput)
    .output(answer(thankedOutput))
    .mutation(({ ctx, input }) => buddyMail.thank(ctx.db, ctx.actor, input)),

  thanks: protectedProcedure
    .output(answer(thanksByMessageOutput))
    .query(({ ctx }) => buddyMail.thanksByMessage(ctx.db, ctx.actor)),

  deleteMessage: protectedProcedure
    .input(encouragementIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => buddies.deleteMessage(ctx.db, ctx.actor, input)),
});
