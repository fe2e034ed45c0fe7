import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";

export const appRouter = router({
  account: accountRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests use the same path as HTTP. */
export const createCaller = createCallerFactory(appRouter);

/** Procedures that need no session. Every other one must answer UNAUTHORIZED without one. */
export const publicProcedurePaths: readonly string[] = [];
