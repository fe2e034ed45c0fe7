import { z } from "zod";
import { freeText, maxChars, pageInput, version } from "./common";
import { JOURNAL_BODY_MAX, JOURNAL_PAGE_SIZE } from "./plain";

export { JOURNAL_BODY_MAX };
/** How much of an entry the list shows. */
export const JOURNAL_PREVIEW_LENGTH = 280;
export const JOURNAL_PAGE_MAX = 50;

const count = (n: number) => n.toLocaleString("en-US");

/**
 * What the person wrote, as written: never trimmed or shortened (only U+0000 is dropped). A 50,000-character
 * paste is refused with its length, so nothing is cut off without them knowing.
 */
export const journalBody = freeText({ error: "Please write something in your entry." })
  .refine(
    ...maxChars(
      JOURNAL_BODY_MAX,
      (found) =>
        `Please keep your entry under ${count(JOURNAL_BODY_MAX)} characters (it has ${count(found)}).`,
    ),
  )
  .refine((v) => v.trim().length > 0, "Please write something in your entry.");

export const mood = z
  .number({ error: "Please choose how you're feeling." })
  .int("Please choose how you're feeling.")
  .min(1, "Please choose how you're feeling.")
  .max(5, "Please choose how you're feeling.");

/** A step of the plan, or none. */
export const stepNumber = z
  .number({ error: "Please choose a step from the list." })
  .int("Please choose a step from the list.")
  .min(1, "Please choose a step from the list.")
  .max(7, "Please choose a step from the list.")
  .nullable();

/** The fields a person fills in; the create and update inputs add what the client tracks. */
export const journalEntryFields = z.strictObject({
  mood,
  body: journalBody,
  stepNumber: stepNumber.optional(),
  sharedWithBuddies: z.boolean({ error: "Please say whether to share this entry." }),
});
export type JournalEntryFields = z.input<typeof journalEntryFields>;

export const createJournalEntryInput = journalEntryFields.extend({
  /** Chosen when the form opens: a retried or double-tapped save makes one entry. */
  idempotencyKey: z.uuid("Please reload the page and try again."),
  sharedWithBuddies: journalEntryFields.shape.sharedWithBuddies.default(false),
});
export type CreateJournalEntryInput = z.input<typeof createJournalEntryInput>;

export const updateJournalEntryInput = journalEntryFields.extend({
  id: z.uuid("We couldn't find that journal entry."),
  /** The version the form was loaded from; a newer one in the database means a conflict. */
  version,
});
export type UpdateJournalEntryInput = z.input<typeof updateJournalEntryInput>;

export const journalEntryIdInput = z.strictObject({
  id: z.uuid("We couldn't find that journal entry."),
});

export const listJournalInput = pageInput(JOURNAL_PAGE_SIZE, JOURNAL_PAGE_MAX, "entries");
export type ListJournalInput = z.input<typeof listJournalInput>;

export const journalEntryOutput = z.object({
  id: z.string(),
  stepNumber: z.number().nullable(),
  mood: z.number(),
  body: z.string(),
  sharedWithBuddies: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type JournalEntryView = z.infer<typeof journalEntryOutput>;

/** A list row carries the start of the entry only; the whole text is one tap away. */
export const journalListItem = journalEntryOutput.omit({ body: true }).extend({
  preview: z.string(),
  /** True when the preview stops before the end of the entry. */
  truncated: z.boolean(),
});
export type JournalListItem = z.infer<typeof journalListItem>;

export const journalListOutput = z.object({
  items: z.array(journalListItem),
  nextCursor: z.string().nullable(),
});
export type JournalList = z.infer<typeof journalListOutput>;

/** What the entry form needs to offer: the steps of the plan in progress, if any. */
export const journalFormContextOutput = z.object({
  steps: z.array(z.object({ number: z.number(), title: z.string() })),
});
export type JournalFormContext = z.infer<typeof journalFormContextOutput>;
