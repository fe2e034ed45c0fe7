import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { freeText, maxChars, pageInput, version } from "./common";
import {
  CONTACT_CHANNELS,
  CONTACT_FEELINGS,
  CONTACT_INITIATORS,
  CONTACT_NOTE_MAX,
  CONTACTS_PAGE_MAX,
  CONTACTS_PAGE_SIZE,
} from "./plain";

// ─── Wall-clock times in the user's own zone ───────────────────────────────────────────

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** "2026-09-14T18:30" (seconds optional, as a datetime-local input gives) as numbers. */
function localParts(value: string): LocalParts | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((p) => Number(p ?? 0));
  const parts = { year, month, day, hour, minute, second } as LocalParts;
  // Date.UTC rolls 30 February over to March; a real date survives the round trip.
  const utc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  const real =
    utc.getUTCFullYear() === parts.year &&
    utc.getUTCMonth() === parts.month - 1 &&
    utc.getUTCDate() === parts.day &&
    parts.hour < 24 &&
    parts.minute < 60 &&
    parts.second < 60;
  return real ? parts : null;
}

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a daylight-saving
 * change (02:30 on the night clocks jump to 03:00) moves forward by the jump.
 */
export function zonedInstant(localDateTime: string, timeZone: string): Date {
  const p = localParts(localDateTime);
  if (!p) throw new RangeError(`Not a local date and time: ${localDateTime}`);
  const at = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, timeZone);
  return new Date(at.getTime());
}

/** The wall-clock time of `instant` in `timeZone`, as a datetime-local input wants it. */
export function localDateTimeIn(instant: Date | number, timeZone: string): string {
  const at = new TZDate(typeof instant === "number" ? instant : instant.getTime(), timeZone);
  return format(at, at.getSeconds() === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}

/** Midnight at the start of a calendar date ("2026-09-01") in `timeZone`. */
export function startOfLocalDate(isoDate: string, timeZone: string): Date {
  return zonedInstant(`${isoDate}T00:00`, timeZone);
}

/** "1 September 2026", for a calendar date ("2026-09-01") with no zone of its own. */
export function formatIsoDate(isoDate: string): string {
  const [y = 1970, m = 1, d = 1] = isoDate.split("-").map(Number);
  return format(new Date(y, m - 1, d), "d MMMM yyyy");
}

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
