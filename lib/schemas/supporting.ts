import { z } from "zod";
import { buddyViewOutput, encouragementInput } from "./buddies";

/** How many people one account can keep on its home page. */
export const SUPPORTING_LIMIT = 20;

const id = z.uuid("We couldn't find that person on your list.");

/** A buddy link's token, as the /b/<token> address carries it; its shape is checked later. */
export const saveSupportedInput = z.strictObject({
  token: z.string({ error: "This link no longer works." }).trim().min(1).max(100),
});

export const supportedIdInput = z.strictObject({ id });

/** The buddy page's encouragement, addressed by the saved entry instead of the token. */
export const encourageSupportedInput = encouragementInput.extend({ id });
export type EncourageSupportedInput = z.input<typeof encourageSupportedInput>;

/** The words of an encouragement, as the form fills them in. */
export const encouragementFields = encouragementInput;
export type EncouragementFields = z.input<typeof encouragementFields>;

/**
 * One person on the supporter's home page: a few fields of the buddy page for that link,
 * and nothing else (strict, so a field added upstream can't slip through).
 */
export const supportedPersonOutput = z.strictObject({
  id: z.string(),
  ownerName: buddyViewOutput.shape.ownerName,
  currentStep: buddyViewOutput.shape.currentStep,
  stepsDone: buddyViewOutput.shape.stepsDone,
  stepsTotal: buddyViewOutput.shape.stepsTotal,
  progress: buddyViewOutput.shape.progress,
  daysSinceActive: buddyViewOutput.shape.daysSinceActive,
  quiet: buddyViewOutput.shape.quiet,
});
export type SupportedPerson = z.infer<typeof supportedPersonOutput>;

export const supportedListOutput = z.array(supportedPersonOutput);

export const idOutput = z.strictObject({ id: z.string() });

/** What the buddy page's save form shows for the signed-in person. */
export type SaveState = { kind: "own" } | { kind: "saved"; id: string } | { kind: "unsaved" };
