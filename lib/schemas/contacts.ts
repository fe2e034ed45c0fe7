import { z } from "zod";
import { freeText, maxChars, pageInput, version } from "./common";
import { localParts } from "./local-time";
import {
  CONTACT_CHANNELS,
  CONTACT_FEELINGS,
  CONTACT_INITIATORS,
  CONTACT_NOTE_MAX,
  CONTACTS_PAGE_MAX,
  CONTACTS_PAGE_SIZE,
} from "./plain";

export { formatIsoDate, localDateTimeIn } from "./local-time";
export { startOfLocalDate, zonedInstant } from "./zoned-instant";

export const localDateTime = z
  .string({ error: "Please choose when it happened." })
  .min(1, "Please choose when it happened.")
  .max(19, "Please enter a date and time, like 2026-09-14 18:30.")
  .refine(
    (v) => localParts(v) !== null,
    "Please enter a real date and time, like 2026-09-14 18:30.",
  );

// ─── Inputs ────────────────────────────────────────────────────────────────────────────

const count = (n: number) => n.toLocaleString("en-US");

export const contactNote = freeText({ error: "The note must be text." }).refine(
  ...maxChars(
    CONTACT_NOTE_MAX,
    (found) =>
      `Please keep the note under ${count(CONTACT_NOTE_MAX)} characters (it has ${count(found)}).`,
  ),
);

const stepNumber = z
  .number({ error: "Please choose a step from the list." })
  .int("Please choose a step from the list.")
  .min(1, "Please choose a step from the list.")
  .max(7, "Please choose a step from the list.")
  .nullable();

/** The fields a person fills in. `occurredAt` is wall-clock time in their own zone. */
export const contactFields = z.strictObject({
  occurredAt: localDateTime,
  channel: z.enum(CONTACT_CHANNELS, { error: "Please choose how you were in touch." }),
  initiator: z.enum(CONTACT_INITIATORS, { error: "Please choose who reached out." }),
  feeling: z.enum(CONTACT_FEELINGS, { error: "Please choose how it felt." }),
  note: contactNote.optional(),
  stepNumber: stepNumber.optional(),
});
export type ContactFields = z.input<typeof contactFields>;

export const createContactInput = contactFields.extend({
  /** Chosen when the form opens: a retried or double-tapped save makes one contact. */
  idempotencyKey: z.uuid("Please reload the page and try again."),
});
export type CreateContactInput = z.input<typeof createContactInput>;

export const updateContactInput = contactFields.extend({
  id: z.uuid("We couldn't find that contact."),
  /** The version the form was loaded from; a newer one in the database means a conflict. */
  version,
});
export type UpdateContactInput = z.input<typeof updateContactInput>;

export const contactIdInput = z.strictObject({ id: z.uuid("We couldn't find that contact.") });

export const listContactsInput = pageInput(CONTACTS_PAGE_SIZE, CONTACTS_PAGE_MAX, "contacts");
export type ListContactsInput = z.input<typeof listContactsInput>;

// ─── Outputs ───────────────────────────────────────────────────────────────────────────

export const contactOutput = z.object({
  id: z.string(),
  stepNumber: z.number().nullable(),
  occurredAt: z.date(),
  channel: z.enum(CONTACT_CHANNELS),
  initiator: z.enum(CONTACT_INITIATORS),
  feeling: z.enum(CONTACT_FEELINGS),
  note: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** The ex's name as given for this contact's journey (null when none was given). */
  exName: z.string().nullable(),
  /** The earliest date this contact may be moved to. */
  breakupDate: z.string(),
});
export type ContactView = z.infer<typeof contactOutput>;

export const contactListOutput = z.object({
  items: z.array(contactOutput),
  nextCursor: z.string().nullable(),
});
export type ContactList = z.infer<typeof contactListOutput>;

/** What the contact form needs: the plan in progress (null without one) and its steps. */
export const contactFormContextOutput = z.object({
  journey: z
    .object({
      exName: z.string().nullable(),
      breakupDate: z.string(),
    })
    .nullable(),
  steps: z.array(z.object({ number: z.number(), title: z.string() })),
});
export type ContactFormContext = z.infer<typeof contactFormContextOutput>;
