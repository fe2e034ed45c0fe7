import { z } from "zod";
import { formatCount } from "@/lib/stats/format";
import { freeText, maxChars, version } from "./common";
import { DRAFT_COOL_DOWN_MINUTES, DRAFT_MAX_CHARS } from "./plain";

export { DRAFT_COOL_DOWN_MINUTES, DRAFT_MAX_CHARS };

// The words are English, and so is the way the number is written.
const count = (n: number) => formatCount(n, "en-GB");

export const draftBody = freeText({ error: "Please write your message." })
  .trim()
  .min(1, "Please write your message before saving it.")
  .refine(
    ...maxChars(
      DRAFT_MAX_CHARS,
      (found) =>
        `Please keep your message to ${count(DRAFT_MAX_CHARS)} characters or fewer; this one has ${count(found)}.`,
    ),
  );

/** The draft editor's form: the text alone; the step and checks are saved beside it. */
export const draftBodyForm = z.object({ body: draftBody });
export type DraftBodyForm = z.input<typeof draftBodyForm>;

const id = z.uuid("That draft link isn't valid.");
const answer = z.enum(["yes", "no"], "Please answer each question with yes or no.");

export const stepNumber = z
  .number({ error: "Please choose a step." })
  .int("Please choose a step from 1 to 7.")
  .min(1, "Please choose a step from 1 to 7.")
  .max(7, "Please choose a step from 1 to 7.");

export const listDraftsInput = z
  .strictObject({ stepNumber: stepNumber.optional() })
  .optional()
  .transform((v) => v ?? {});
export type ListDraftsInput = z.input<typeof listDraftsInput>;

export const draftByIdInput = z.strictObject({ id });

export const createDraftInput = z.strictObject({
  /** Chosen when the form opens: a double tap or a retry makes one draft. */
  idempotencyKey: z.uuid("Please reload the page and try again."),
  stepNumber,
  body: draftBody,
});
export type CreateDraftInput = z.input<typeof createDraftInput>;

export const updateDraftInput = z.strictObject({
  id,
  /** The version the editor was loaded from; a newer one means another device saved. */
  version,
  /** A changed text starts the cool-down again. */
  body: draftBody.optional(),
  /** Answers to the step's self-check questions, by check key; merged into earlier ones. */
  checks: z.record(z.string().max(100), answer).optional(),
});
export type UpdateDraftInput = z.input<typeof updateDraftInput>;

export const markSentInput = z.strictObject({ id, version });
export const deleteDraftInput = z.strictObject({ id });

export const draftOutput = z.object({
  id: z.uuid(),
  stepNumber: z.number().int(),
  body: z.string(),
  checks: z.record(z.string(), z.enum(["yes", "no"])),
  status: z.enum(["writing", "sent"]),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** When the cool-down ends: an hour after the text was last changed. */
  readyAt: z.date(),
  /** The step's check keys not answered yet. */
  unansweredChecks: z.array(z.string()),
  /** Cooled down and every check answered: it may be marked as sent. */
  ready: z.boolean(),
});
export type DraftView = z.infer<typeof draftOutput>;
export const draftListOutput = z.array(draftOutput);

export const draftStepOutput = z.object({
  stepNumber: z.number().int(),
  /** Personalised for the ex's name and pronouns. */
  title: z.string(),
  checks: z.array(z.object({ key: z.string(), question: z.string(), good: z.enum(["yes", "no"]) })),
});
export type DraftStep = z.infer<typeof draftStepOutput>;
export const draftStepsOutput = z.array(draftStepOutput);
