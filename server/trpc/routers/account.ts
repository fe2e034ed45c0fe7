import "#server-only";
import {
  changePasswordInput,
  deleteAccountInput,
  deletedOutput,
  discreetInput,
  discreetOutput,
  endedOutput,
  hideInitiativeInput,
  hideInitiativeOutput,
  profileOutput,
  sessionIdInput,
  sessionListOutput,
  updateProfileInput,
  weekStartInput,
  weekStartOutput,
} from "@/lib/schemas/account";
import { idOutput } from "@/lib/schemas/common";
import type { SessionUser } from "@/server/auth/sessions";
import { afterFailedSignIn, beforeSignIn } from "@/server/auth/throttle";
import { AppError } from "@/server/errors";
import * as account from "@/server/services/account";
import { answer, protectedProcedure, router } from "../init";

/**
 * Work that asks for the password again. Wrong guesses count with failed sign-ins for the
 * same account and address, so a stolen session can't be used to guess the password here.
 */
async function withPasswordCheck<T>(
  user: SessionUser,
  address: string,
  work: () => Promise<T>,
): Promise<T> {
  await beforeSignIn(user.email, address);
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && (e.field === "currentPassword" || e.field === "password")) {
      await afterFailedSignIn(user.email, address);
    }
    throw e;
  }
}

export const accountRouter = router({
  me: protectedProcedure
    .output(answer(profileOutput))
    .query(({ ctx }) => account.getProfile(ctx.db, ctx.actor)),

  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .output(answer(profileOutput))
    .mutation(({ ctx, input }) => account.updateProfile(ctx.db, ctx.actor, input)),

  /** Discreet mode: a neutral title and name, and the ex's name hidden on every page. */
  setDiscreet: protectedProcedure
    .input(discreetInput)
    .output(answer(discreetOutput))
    .mutation(({ ctx, input }) => account.setDiscreet(ctx.db, ctx.actor, input)),

  /** The week's first day: automatic from the language, or Monday, Sunday or Saturday. */
  setWeekStart: protectedProcedure
    .input(weekStartInput)
    .output(answer(weekStartOutput))
    .mutation(({ ctx, input }) => account.setWeekStart(ctx.db, ctx.actor, input)),

  /** Hides (or shows again) the "who reaches out" score, wherever it shows. */
  setHideInitiative: protectedProcedure
    .input(hideInitiativeInput)
    .output(answer(hideInitiativeOutput))
    .mutation(({ ctx, input }) => account.setHideInitiative(ctx.db, ctx.actor, input)),

  /** Every signed-in device, with `current` on the one asking. */
  sessions: protectedProcedure
    .output(answer(sessionListOutput))
    .query(({ ctx }) => account.listSessions(ctx.db, ctx.actor, ctx.session)),

  endSession: protectedProcedure
    .input(sessionIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => account.endSession(ctx.db, ctx.actor, input)),

  endOtherSessions: protectedProcedure
    .output(answer(endedOutput))
    .mutation(({ ctx }) => account.endOtherSessions(ctx.db, ctx.actor, ctx.session)),

  /** Ends this session too; the client signs out afterwards. */
  signOutEverywhere: protectedProcedure
    .output(answer(endedOutput))
    .mutation(({ ctx }) => account.signOutEverywhere(ctx.db, ctx.actor)),

  /** Keeps this session and ends every other one. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(answer(endedOutput))
    .mutation(({ ctx, input }) =>
      withPasswordCheck(ctx.user, ctx.meta.address, () =>
        account.changePassword(ctx.db, ctx.actor, ctx.session, input),
      ),
    ),

  /** Everything goes, sessions and buddy links included; the client then leaves. */
  deleteAccount: protectedProcedure
    .input(deleteAccountInput)
    .output(answer(deletedOutput))
    .mutation(({ ctx, input }) =>
      withPasswordCheck(ctx.user, ctx.meta.address, () =>
        account.deleteAccount(ctx.db, ctx.actor, input),
      ),
    ),
});
