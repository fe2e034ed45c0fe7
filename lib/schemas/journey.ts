import { z } from "zod";
import {
  CONTACT_LEVEL_VALUES,
  currentProgram,
  OUTCOME_VALUES,
  PRONOUN_VALUES,
  READINESS_ANSWER_VALUES,
} from "@/lib/program";
import { calendarDay, freeText, maxChars, version } from "./common";

const readinessKeys = currentProgram.readiness.questions.map((q) => q.key);
const safetyKeys = currentProgram.safety.questions.map((q) => q.key);

const readinessAnswer = z.enum(READINESS_ANSWER_VALUES, {
  error: "Please pick an answer for this question.",
});

/** One answer per readiness question of the current program, no more, no fewer. */
export const readinessAnswers = z.strictObject(
  Object.fromEntries(readinessKeys.map((k) => [k, readinessAnswer])) as Record<
    string,
    typeof readinessAnswer
  >,
);

export const safetyAnswers = z.strictObject(
  Object.fromEntries(
    safetyKeys.map((k) => [k, z.boolean({ error: "Please answer yes or no." })]),
  ) as Record<string, z.ZodBoolean>,
);

export const exName = freeText()
  .trim()
  .refine(...maxChars(80, "Please keep the name to 80 characters or fewer."))
  .refine((v) => !/\p{Cc}/u.test(v), "The name cannot contain control characters.")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

/** A real calendar day: 30 February is refused, not rolled over to March. */
export const isoDate = calendarDay();

export const situation = z.strictObject({
  breakupDate: isoDate,
  contactLevel: z.enum(CONTACT_LEVEL_VALUES, { error: "Please pick how much you've talked." }),
  exName,
  exPronouns: z.enum(PRONOUN_VALUES, { error: "Please pick the pronouns to use." }),
});

export const startJourneyInput = z.strictObject({
  idempotencyKey: z.uuid(),
  readiness: readinessAnswers,
  safety: safetyAnswers,
  situation,
});
export type StartJourneyInput = z.input<typeof startJourneyInput>;

export const retakeReadinessInput = z.strictObject({ readiness: readinessAnswers });

/** The readiness check's verdict, without the scores behind it. */
export const readinessResultOutput = z.object({ result: z.enum(["ready", "unsure", "not_yet"]) });

export const updateSituationInput = situation.extend({ version });
export type UpdateSituationInput = z.input<typeof updateSituationInput>;

export const recordOutcomeInput = z.strictObject({
  outcome: z.enum(OUTCOME_VALUES, { error: "Please pick where things stand." }),
  note: freeText()
    .trim()
    .refine(...maxChars(2000, "Please keep the note to 2,000 characters or fewer."))
    .optional(),
  version,
});

export const stepView = z.object({
  number: z.number(),
  status: z.enum(["locked", "open", "done"]),
  openedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  lastActivityAt: z.date().nullable(),
  tasksDone: z.array(z.string()),
  reflectionCount: z.number(),
});

export const journeyOutput = z.object({
  id: z.string(),
  programVersion: z.number(),
  status: z.enum(["active", "ended"]),
  breakupDate: z.string(),
  contactLevel: z.enum(CONTACT_LEVEL_VALUES),
  exName: z.string().nullable(),
  exPronouns: z.enum(PRONOUN_VALUES),
  readinessResult: z.enum(["ready", "unsure", "not_yet"]),
  safetyConcern: z.boolean(),
  outcome: z.enum(OUTCOME_VALUES).nullable(),
  outcomeNote: z.string().nullable(),
  createdAt: z.date(),
  endedAt: z.date().nullable(),
  version: z.number(),
  steps: z.array(stepView),
});
export type JourneyView = z.infer<typeof journeyOutput>;

/** An ended journey as the home page lists it: how it ended and when. */
export const journeyHistoryOutput = z.array(
  z.object({
    id: z.string(),
    exName: z.string().nullable(),
    outcome: z.enum(OUTCOME_VALUES).nullable(),
    createdAt: z.date(),
    endedAt: z.date().nullable(),
  }),
);
export type JourneyHistory = z.infer<typeof journeyHistoryOutput>;
export type StepView = z.infer<typeof stepView>;
