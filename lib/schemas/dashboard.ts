import { z } from "zod";

const day = z.string();
const share = z.number().min(0).max(1);

export const streakOutput = z.object({
  /** Active days in the run that reaches today (or yesterday, while today is still open). */
  current: z.number().int(),
  /** The longest run in the last 12 weeks, or the current one if that is longer. */
  longest: z.number().int(),
  activeToday: z.boolean(),
  pausedToday: z.boolean(),
});

export const calendarDayOutput = z.object({
  day,
  count: z.number().int(),
  level: z.literal([0, 1, 2, 3, 4]),
  paused: z.boolean(),
  future: z.boolean(),
});

export const calendarOutput = z.object({
  /** A Monday, 11 weeks before this week's. */
  start: day,
  /** This week's Sunday. */
  end: day,
  /** 84 days, oldest first; column i is days[7i .. 7i+6], Monday to Sunday. */
  days: z.array(calendarDayOutput),
  /** Days up to today with any activity. */
  activeDays: z.number().int(),
  /** Days up to and including today (78–84). */
  pastDays: z.number().int(),
});

export const moodOutput = z.object({
  /** The last 30 days, oldest first, today last. */
  days: z.array(z.object({ day, average: z.number().nullable(), count: z.number().int() })),
  average: z.number().nullable(),
});

export const initiativeOutput = z.object({
  /** Eight Monday-first weeks, oldest first, this week last. */
  weeks: z.array(z.object({ weekStart: day, me: z.number().int(), them: z.number().int() })),
  last14d: z.object({ me: z.number().int(), them: z.number().int() }),
  /** The share of the last 14 days' contacts the ex started; null when there were none. */
  exShare14d: share.nullable(),
});

export const currentStepOutput = z.object({
  number: z.number().int().min(1).max(7),
  slug: z.string(),
  /** Personalised for the ex's name and pronouns. */
  title: z.string(),
  paceDays: z.number().int(),
  /** Days since the step opened, in the user's calendar. */
  daysOnStep: z.number().int().nullable(),
  /** Days since the last activity on the step (or since it opened). */
  daysSinceActivity: z.number().int().nullable(),
  stalled: z.boolean(),
  /** One gentle next action, only when stalled; personalised. */
  stalledNudge: z.string().nullable(),
});

export const journeySummaryOutput = z.object({
  id: z.uuid(),
  /** The lowest open step; null once every step is done. */
  currentStep: currentStepOutput.nullable(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  requiredTasksDone: z.number().int(),
  requiredTasksTotal: z.number().int(),
  /** stepsDone / stepsTotal and requiredTasksDone / requiredTasksTotal, 0–1. */
  progress: z.object({ steps: share, tasks: share }),
});

export const dashboardOutput = z.object({
  /** Today in the user's time zone; every day below counts in it. */
  today: day,
  timeZone: z.string(),
  streak: streakOutput,
  calendar: calendarOutput,
  mood: moodOutput,
  initiative: initiativeOutput,
  /** Null without a journey in progress. */
  daysSinceBreakup: z.number().int().nullable(),
  /** Since the latest contact of the journey in progress (by when it happened); null if none. */
  daysSinceLastContact: z.number().int().nullable(),
  journey: journeySummaryOutput.nullable(),
  /** Very low moods on several days running this week: Home gently offers support. */
  offerSupport: z.boolean(),
});

export type DashboardStreak = z.infer<typeof streakOutput>;
export type DashboardCalendar = z.infer<typeof calendarOutput>;
export type DashboardMood = z.infer<typeof moodOutput>;
export type DashboardInitiative = z.infer<typeof initiativeOutput>;
export type JourneySummary = z.infer<typeof journeySummaryOutput>;
export type Dashboard = z.infer<typeof dashboardOutput>;
