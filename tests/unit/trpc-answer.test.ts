import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  answer,
  contextFor,
  createCallerFactory,
  publicProcedure,
  router,
} from "@/server/trpc/init";

const note = z.object({ id: z.string(), text: z.string() });

/** Procedures that answer what a careless service might hand back. */
const notes = router({
  withOwner: publicProcedure
    .output(answer(note))
    .query(() => ({ id: "n1", text: "Called her today", userId: "u-private" })),
  wrongShape: publicProcedure
    .output(answer(note))
    .query(() => ({ id: "n1", text: 42 }) as unknown as z.infer<typeof note>),
  list: publicProcedure
    .output(answer(z.array(note)))
    .query(() => [{ id: "a", text: "one", idempotencyKey: "k" }]),
});

const caller = createCallerFactory(notes)(contextFor({} as Db, null));

describe("an answer checked through answer()", () => {
  it("goes out without the columns its schema does not name", async () => {
    expect(await caller.withOwner()).toEqual({ id: "n1", text: "Called her today" });
    expect(await caller.list()).toEqual([{ id: "a", text: "one" }]);
  });

  it("is refused, not sent, when it does not match its schema", async () => {
    const refused = await caller.wrongShape().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
  });
});
