import "#server-only";
import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { activityRouter } from "./routers/activity";
import { buddiesRouter } from "./routers/buddies";
import { contactsRouter } from "./routers/contacts";
import { dashboardRouter } from "./routers/dashboard";
import { draftsRouter } from "./routers/drafts";
import { journalRouter } from "./routers/journal";
import { journeyRouter } from "./routers/journey";
import { pushRouter } from "./routers/push";
import { remindersRouter } from "./routers/reminders";
import { stepsRouter } from "./routers/steps";
import { supportingRouter } from "./routers/supporting";

export const appRouter = router({
  account: accountRouter,
  journey: journeyRouter,
  steps: stepsRouter,
  journal: journalRouter,
  contacts: contactsRouter,
  drafts: draftsRouter,
  activity: activityRouter,
  dashboard: dashboardRouter,
  buddies: buddiesRouter,
  supporting: supportingRouter,
  reminders: remindersRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests use the same path as HTTP. */
export const createCaller = createCallerFactory(appRouter);

/** Procedures that need no session. Every other one must answer UNAUTHORIZED without one. */
export const publicProcedurePaths: readonly string[] = [];
