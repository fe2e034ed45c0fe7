import "#server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, journeys } from "@/db/schema";
import { exPerson, getProgram, personalize, shownName } from "@/lib/program";
import { PLAN_START_DATE } from "@/lib/program/discreet";
import {
  type ContactFormContext,
  type ContactList,
  type ContactView,
  type contactIdInput,
  type createContactInput,
  formatIsoDate,
  type listContactsInput,
  startOfLocalDate,
  type updateContactInput,
  zonedInstant,
} from "@/lib/schemas/contacts";
import { clockTime, FALLBACK_LOCALE, formatInstant } from "@/lib/stats";
import { AppError } from "@/server/errors";
import { type Actor, activeJourney, notFound, staleVersion, type Tx, touchStep } from "./common";
import { keyset } from "./paging";
import { noticeWork } from "./steps";

type CreateInput = z.output<typeof createContactInput>;
type UpdateInput = z.output<typeof updateContactInput>;
type IdInput = z.output<typeof contactIdInput>;
type ListInput = z.output<typeof listContactsInput>;

/** Where the person is: wall-clock times they enter are read in their zone. */
export interface Clock {
  timeZone: string;
  now?: Date;
  /** The language for a time put into words; "en" when not given. */
  locale?: string;
}

const WHAT = "contact";

/**
 * A contact is "in the future" only past this much ahead of the server's clock, so a phone
 * whose clock runs a little fast can still log "just now".
 */
const FUTURE_GRACE_MS = 2 * 60 * 1000;

/**
 * Never the owner id; each contact carries its own journey's name (none in discreet mode)
 * and breakup date.
 */
const contactColumns = (actor: Actor) => ({
  id: contacts.id,
  journeyId: contacts.journeyId,
  stepNumber: contacts.stepNumber,
  occurredAt: contacts.occurredAt,
  channel: contacts.channel,
  initiator: contacts.initiator,
  feeling: contacts.feeling,
  note: contacts.note,
  version: contacts.version,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
  exName: actor.discreet ? sql<string | null>`null` : journeys.exName,
  breakupDate: journeys.breakupDate,
});

/** A contact's journey, which must have the same owner. */
const sameJourney = and(eq(journeys.id, contacts.journeyId), eq(journeys.userId, contacts.userId));

/** Contacts with their journey; callers add the owner filter. */
function selectContacts(db: Tx, actor: Actor) {
  return db.select(contactColumns(actor)).from(contacts).innerJoin(journeys, sameJourney);
}

const owned = (actor: Actor, id: string) =>
  and(eq(contacts.userId, actor.userId), eq(contacts.id, id));

/** The plan in progress; contacts belong to one, so without it there is nothing to log to. */
async function journeyForNewContact(db: Tx, actor: Actor) {
  try {
    return await activeJourney(db, actor);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") {
      throw new AppError(
        "NOT_FOUND",
        "Start your plan first: contacts are logged as part of it. You can begin from your home page.",
      );
    }
    throw e;
  }
}

/**
 * The instant the person meant, refused with a message on `occurredAt` when it is in the
 * future or before the breakup (the date, read in the person's zone).
 */
function occurredAtWithin(local: string, breakupDate: string, clock: Clock): Date {
  const now = clock.now ?? new Date();
  const at = zonedInstant(local, clock.timeZone);
  if (at.getTime() > now.getTime() + FUTURE_GRACE_MS) {
    const locale = clock.locale ?? FALLBACK_LOCALE;
    const nowThere = `${clockTime(now, clock.timeZone, locale)} on ${formatInstant(now, clock.timeZone, locale, { day: "numeric", month: "long" })}`;
    throw new AppError(
      "BAD_REQUEST",
      `That time hasn't happened yet: it's ${nowThere} where you are. Please choose a time up to now.`,
      "occurredAt",
    );
  }
  if (at < startOfLocalDate(breakupDate, clock.timeZone)) {
    throw new AppError(
      "BAD_REQUEST",
      `Contacts can go back to ${formatIsoDate(breakupDate)}, ${PLAN_START_DATE}, but not before. Please choose that day or later.`,
      "occurredAt",
    );
  }
  return at;
}

// ─── Cursor ────────────────────────────────────────────────────────────────────────────

const paging = keyset(contacts.occurredAt, contacts.id);

// ─── Reads ─────────────────────────────────────────────────────────────────────────────

/** Every contact the person logged, in every journey, the most recent first. */
export async function listContacts(db: Db, actor: Actor, input: ListInput): Promise<ContactList> {
  const rows = await db
    .select({ ...contactColumns(actor), cursorAt: paging.cursorAt })
    .from(contacts)
    .innerJoin(journeys, sameJourney)
    .where(and(eq(contacts.userId, actor.userId), paging.after(input.cursor)))
    .orderBy(desc(contacts.occurredAt), desc(contacts.id))
    .limit(input.limit + 1);
  return paging.page(rows, input.limit);
}

export async function getContact(db: Db, actor: Actor, input: IdInput): Promise<ContactView> {
  const [row] = await selectContacts(db, actor).where(owned(actor, input.id));
  if (!row) throw notFound(WHAT);
  return row;
}

/** The plan in progress (for the ex's name and the earliest date) and its steps, titled. */
export async function formContext(db: Db, actor: Actor): Promise<ContactFormContext> {
  const [journey] = await db
    .select({
      programVersion: journeys.programVersion,
      exName: journeys.exName,
      exPronouns: journeys.exPronouns,
      breakupDate: journeys.breakupDate,
    })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  if (!journey) return { journey: null, steps: [] };
  const person = exPerson(journey, actor.discreet);
  return {
    journey: {
      exName: shownName(journey.exName, actor.discreet),
      breakupDate: journey.breakupDate,
    },
    steps: getProgram(journey.programVersion).steps.map((step) => ({
      number: step.number,
      title: personalize(step.title, person),
    })),
  };
}

// ─── Writes ────────────────────────────────────────────────────────────────────────────

/**
 * Logs a contact in the plan in progress. The same idempotency key sent twice makes one
 * contact, and both calls get it back.
 */
export async function createContact(
  db: Db,
  actor: Actor,
  input: CreateInput,
  clock: Clock,
): Promise<ContactView> {
  return db.transaction(async (tx) => {
    const journey = await journeyForNewContact(tx, actor);
    const occurredAt = occurredAtWithin(input.occurredAt, journey.breakupDate, clock);
    const now = new Date();
    const stepNumber = input.stepNumber ?? null;
    const [created] = await tx
      .insert(contacts)
      .values({
        userId: actor.userId,
        journeyId: journey.id,
        stepNumber,
        occurredAt,
        channel: input.channel,
        initiator: input.initiator,
        feeling: input.feeling,
        note: input.note ?? "",
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [contacts.userId, contacts.idempotencyKey] })
      .returning({ id: contacts.id });
    if (created) {
      await touchStep(tx, actor, journey.id, stepNumber, now);
      await noticeWork(tx, actor, journey.id, stepNumber, now);
    }
    const [row] = await selectContacts(tx, actor).where(
      and(eq(contacts.userId, actor.userId), eq(contacts.idempotencyKey, input.idempotencyKey)),
    );
    // Only if the first save was deleted between the two statements; a retry then saves.
    if (!row) throw new AppError("CONFLICT", "Please tap Save again.");
    return row;
  });
}

const sameContent = (row: ContactView, input: UpdateInput, occurredAt: Date) =>
  row.occurredAt.getTime() === occurredAt.getTime() &&
  row.channel === input.channel &&
  row.initiator === input.initiator &&
  row.feeling === input.feeling &&
  row.note === (input.note ?? "") &&
  row.stepNumber === (input.stepNumber ?? null);

/**
 * Replaces a contact's fields (a missing note or step means none) if nobody saved it since
 * `version` was loaded. The same edit arriving twice answers with the saved contact; a
 * different edit from an older version is a CONFLICT and changes nothing.
 */
export async function updateContact(
  db: Db,
  actor: Actor,
  input: UpdateInput,
  clock: Clock,
): Promise<ContactView> {
  return db.transaction(async (tx) => {
    const [current] = await selectContacts(tx, actor).where(owned(actor, input.id));
    if (!current) throw notFound(WHAT);
    const occurredAt = occurredAtWithin(input.occurredAt, current.breakupDate, clock);
    const stepNumber = input.stepNumber ?? null;
    const now = new Date();
    const [saved] = await tx
      .update(contacts)
      .set({
        occurredAt,
        channel: input.channel,
        initiator: input.initiator,
        feeling: input.feeling,
        note: input.note ?? "",
        stepNumber,
        version: input.version + 1,
        updatedAt: now,
      })
      .where(and(owned(actor, input.id), eq(contacts.version, input.version)))
      .returning({ id: contacts.id });
    if (saved) await touchStep(tx, actor, current.journeyId, stepNumber, now);
    // Noticed again only when what counts changed, so an edited note never re-ticks a task.
    if (saved && (current.stepNumber !== stepNumber || current.initiator !== input.initiator)) {
      await noticeWork(tx, actor, current.journeyId, stepNumber, now);
    }
    // Read again: this statement sees whatever committed while the update waited.
    const [latest] = await selectContacts(tx, actor).where(owned(actor, input.id));
    if (!latest) throw notFound(WHAT);
    if (saved) return latest;
    if (latest.version === input.version + 1 && sameContent(latest, input, occurredAt)) {
      return latest;
    }
    throw staleVersion(WHAT);
  });
}

export async function deleteContact(db: Db, actor: Actor, input: IdInput): Promise<{ id: string }> {
  const [deleted] = await db
    .delete(contacts)
    .where(owned(actor, input.id))
    .returning({ id: contacts.id });
  if (!deleted) throw notFound(WHAT);
  return deleted;
}
