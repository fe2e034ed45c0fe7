import { z } from "zod";
import {
  changePasswordInput,
  deleteAccountInput,
  endedOutput,
  profileOutput,
  sessionIdInput,
  sessionListOutput,
  updateProfileInput,
} from "@/server/schemas/account";
import * as account from "@/server/services/account";
import { protectedProcedure, router } from "../init";

export const accountRouter = router({
  me: protectedProcedure
    .output(profileOutput)
    .query(({ ctx }) => account.getProfile(ctx.db, ctx.actor)),

  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => account.updateProfile(ctx.db, ctx.actor, input)),

  /** Every signed-in device, with `current` on the one asking. */
  sessions: protectedProcedure
    .output(sessionListOutput)
    .query(({ ctx }) => account.listSessions(ctx.db, ctx.actor, ctx.session)),

  endSession: protectedProcedure
    .input(sessionIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => account.endSession(ctx.db, ctx.actor, input)),

  endOtherSessions: protectedProcedure
    .output(endedOutput)
    .mutation(({ ctx }) => account.endOtherSessions(ctx.db, ctx.actor, ctx.session)),

  /** Ends this session too; the client signs out afterwards. */
  signOutEverywhere: protectedProcedure
    .output(endedOutput)
    .mutation(({ ctx }) => account.signOutEverywhere(ctx.db, ctx.actor)),

  /** Keeps this session and ends every other one. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(endedOutput)
    .mutation(({ ctx, input }) => account.changePassword(ctx.db, ctx.actor, ctx.session, input)),

  /** Everything goes, sessions and buddy links included; the client then leaves. */
  deleteAccount: protectedProcedure
    .input(deleteAccountInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => account.deleteAccount(ctx.db, ctx.actor, input)),
});
