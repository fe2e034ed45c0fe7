import { z } from "zod";
import { isDay } from "@/lib/stats/days";

export const mood = z
  .number({ error: "Please choose a mood from 1 to 5." })
  .int("Please choose a mood from 1 to 5.")
  .min(1, "Please choose a mood from 1 to 5.")
  .max(5, "Please choose a mood from 1 to 5.");

export const day = z
  .string({ error: "Please choose a day." })
  .refine(isDay, "Please choose a real day, written like 2026-07-14.");

export const checkInInput = z.strictObject({
  /** Optional: a check-in is "I showed up"; the mood is extra. */
  mood: mood.optional(),
});
export type CheckInInput = z.input<typeof checkInInput>;

export const pauseDayInput = z.strictObject({
  /** Today when left out; otherwise up to 7 days back or ahead. */
  day: day.optional(),
});
export type PauseDayInput = z.input<typeof pauseDayInput>;

export const unpauseDayInput = z.strictObject({ day });
export type UnpauseDayInput = z.input<typeof unpauseDayInput>;

export const checkInOutput = z.object({
  day: z.string(),
  mood: z.number().nullable(),
});
export type CheckIn = z.infer<typeof checkInOutput>;

export const pauseOutput = z.object({
  day: z.string(),
  paused: z.boolean(),
  /** Pause days still free in the 30-day stretch around `day`. */
  pauseDaysLeft: z.number(),
});
export type PauseResult = z.infer<typeof pauseOutput>;

export const todayOutput = z.object({
  /** Today in the user's time zone. */
  day: z.string(),
  checkedIn: z.boolean(),
  mood: z.number().nullable(),
  paused: z.boolean(),
  /** Pause days still free in the 30-day stretch around today. */
  pauseDaysLeft: z.number(),
  /** Pause days from 7 days back to 7 days ahead, oldest first. */
  pauseDaysNearby: z.array(z.string()),
});
export type ActivityToday = z.infer<typeof todayOutput>;
