import type { ContactFields, ContactView } from "@/lib/schemas/contacts";
import { localDateTimeIn } from "@/lib/schemas/local-time";

/** A saved contact as the form's fields, its time as a wall-clock time in `timeZone`. */
export const fieldsOf = (contact: ContactView, timeZone: string): ContactFields => ({
  occurredAt: localDateTimeIn(contact.occurredAt, timeZone),
  channel: contact.channel,
  initiator: contact.initiator,
  feeling: contact.feeling,
  note: contact.note,
  stepNumber: contact.stepNumber,
});

/** What is kept on the device while typing; the time is left out, "just now" moves on. */
export interface KeptContact {
  channel: ContactFields["channel"] | null;
  initiator: ContactFields["initiator"] | null;
  feeling: ContactFields["feeling"] | null;
  note: string;
  stepNumber: number | null;
}

export const keptContact = (v: Partial<ContactFields>): KeptContact => ({
  channel: v.channel ?? null,
  initiator: v.initiator ?? null,
  feeling: v.feeling ?? null,
  note: v.note ?? "",
  stepNumber: v.stepNumber ?? null,
});
