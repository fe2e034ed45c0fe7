import { profileOutput, updateProfileInput } from "@/server/schemas/account";
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

  signOutEverywhere: protectedProcedure.mutation(({ ctx }) =>
    account.signOutEverywhere(ctx.db, ctx.actor),
  ),
});
