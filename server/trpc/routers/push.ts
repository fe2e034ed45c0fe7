import "#server-only";
import { z } from "zod";
import {
  pushDeviceInput,
  pushStatusOutput,
  pushTestOutput,
  subscribePushInput,
} from "@/lib/schemas/push";
import * as push from "@/server/services/push";
import { answer, protectedProcedure, router } from "../init";

const subscribedOutput = z.object({ subscribed: z.boolean() });

/** Web Push on this device: turn it on or off, and send a test. */
export const pushRouter = router({
  status: protectedProcedure
    .input(pushDeviceInput)
    .output(answer(pushStatusOutput))
    .query(({ ctx, input }) => push.status(ctx.db, ctx.actor, input)),

  /** Tied to this session: signing this device out ends it. */
  subscribe: protectedProcedure
    .input(subscribePushInput)
    .output(answer(subscribedOutput))
    .mutation(({ ctx, input }) => push.subscribe(ctx.db, ctx.actor, ctx.session.idHash, input)),

  unsubscribe: protectedProcedure
    .input(pushDeviceInput)
    .output(answer(subscribedOutput))
    .mutation(({ ctx, input }) => push.unsubscribe(ctx.db, ctx.actor, input)),

  test: protectedProcedure
    .input(pushDeviceInput)
    .output(answer(pushTestOutput))
    .mutation(({ ctx, input }) => push.sendTest(ctx.db, ctx.actor, input)),
});
