import { z } from "zod";
import { todayOutput } from "./activity";
import { dashboardOutput } from "./dashboard";
import { journeyHistoryOutput, journeyOutput } from "./journey";
import { reminderNoticeOutput } from "./reminders";
import { supportedListOutput } from "./supporting";

/**
 * Everything Home shows, read at once: each part is what its own procedure answers
 * (journey.current, dashboard.get, activity.today, journey.history, supporting.list,
 * reminders.notice). New parts are added beside these, never in place of them.
 */
export const homeOutput = z.object({
  journey: journeyOutput.nullable(),
  dashboard: dashboardOutput,
  today: todayOutput,
  history: journeyHistoryOutput,
  supported: supportedListOutput,
  reminder: reminderNoticeOutput,
});
export type Home = z.infer<typeof homeOutput>;
