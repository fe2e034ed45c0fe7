import "#server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { journalEntries, journeys } from "@/db/schema";
import { exPerson, getProgram, personalize } from "@/lib/program";
import {
  type createJournalEntryInput,
  JOURNAL_PREVIEW_LENGTH,
  type JournalEntryView,
  type JournalFormContext,
  type JournalList,
  type journalEntryIdInput,
  type listJournalInput,
  type updateJournalEntryInput,
} from "@/lib/schemas/journal";
import { AppError } from "@/server/errors";
import { type Actor, notFound, staleVersion, type Tx, touchStep } from "./common";
import { keyset } from "./paging";
import { noticeWork } from "./steps";

type CreateInput = z.output<typeof createJournalEntryInput>;
type UpdateInput = z.output<typeof updateJournalEntryInput>;
type IdInput = z.output<typeof journalEntryIdInput>;
type ListInput = z.output<typeof listJournalInput>;

const WHAT = "journal entry";

/** Never the owner id: the person knows who they are, and responses are shaped on purpose. */
const entryColumns = {
  id: journalEntries.id,
  journeyId: journalEntries.journeyId,
  stepNumber: journalEntries.stepNumber,
  mood: journalEntries.mood,
  body: journalEntries.body,
  sharedWithBuddies: journalEntries.sharedWithBuddies,
  version: journalEntries.version,
  createdAt: journalEntries.createdAt,
  updatedAt: journalEntries.updatedAt,
};

const owned = (actor: Actor, id: string) =>
  and(eq(journalEntries.userId, actor.userId), eq(journalEntries.id, id));

/** The id of the journey in progress, or null: a journal works without one. */
async function activeJourneyId(db: Tx, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ id: journeys.id })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  return row?.id ?? null;
}

const noPlanForStep = () =>
  new AppError(
    "BAD_REQUEST",
    "You can tie an entry to a step once your plan has started. Choose “No particular step” to save it now.",
    "stepNumber",
  );

// ─── Cursor ────────────────────────────────────────────────────────────────────────────

const paging = keyset(journalEntries.createdAt, journalEntries.id);

// ─── Reads ─────────────────────────────────────────────────────────────────────────────

/** Newest first; entries written in the same microsecond are ordered by id. */
export async function listEntries(db: Db, actor: Actor, input: ListInput): Promise<JournalList> {
  const rows = await db
    .select({
      id: journalEntries.id,
      journeyId: journalEntries.journeyId,
      stepNumber: journalEntries.stepNumber,
      mood: journalEntries.mood,
      sharedWithBuddies: journalEntries.sharedWithBuddies,
      version: journalEntries.version,
      createdAt: journalEntries.createdAt,
      updatedAt: journalEntries.updatedAt,
      preview: sql<string>`left(${journalEntries.body}, ${JOURNAL_PREVIEW_LENGTH})`,
      truncated: sql<boolean>`char_length(${journalEntries.body}) > ${JOURNAL_PREVIEW_LENGTH}`,
      cursorAt: paging.cursorAt,
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, actor.userId), paging.after(input.cursor)))
    .orderBy(desc(journalEntries.createdAt), desc(journalEntries.id))
    .limit(input.limit + 1);
  return paging.page(rows, input.limit);
}

export async function getEntry(db: Db, actor: Actor, input: IdInput): Promise<JournalEntryView> {
  const [row] = await db.select(entryColumns).from(journalEntries).where(owned(actor, input.id));
  if (!row) throw notFound(WHAT);
  return row;
}

/** The steps of the plan in progress, titled for this person; none without a plan. */
export async function formContext(db: Db, actor: Actor): Promise<JournalFormContext> {
  const [journey] = await db
    .select({
      programVersion: journeys.programVersion,
      exName: journeys.exName,
      exPronouns: journeys.exPronouns,
    })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  if (!journey) return { steps: [] };
  const person = exPerson(journey, actor.discreet);
  return {
    steps: getProgram(journey.programVersion).steps.map((step) => ({
      number: step.number,
      title: personalize(step.title, person),
    })),
  };
}

// ─── Writes ────────────────────────────────────────────────────────────────────────────

/**
 * Saves a new entry, tied to the plan in progress when there is one. The same idempotency
 * key sent twice (a double tap, a retry after a lost answer) makes one entry, and both
 * calls get it back.
 */
export async function createEntry(
  db: Db,
  actor: Actor,
  input: CreateInput,
): Promise<JournalEntryView> {
  return db.transaction(async (tx) => {
    const journeyId = await activeJourneyId(tx, actor);
    const stepNumber = input.stepNumber ?? null;
    if (stepNumber !== null && journeyId === null) throw noPlanForStep();
    const now = new Date();
    const [created] = await tx
      .insert(journalEntries)
      .values({
        userId: actor.userId,
        journeyId,
        stepNumber,
        mood: input.mood,
        body: input.body,
        sharedWithBuddies: input.sharedWithBuddies,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [journalEntries.userId, journalEntries.idempotencyKey] })
      .returning(entryColumns);
    if (created) {
      if (journeyId) await touchStep(tx, actor, journeyId, stepNumber, now);
      await noticeWork(tx, actor, journeyId, stepNumber, now);
      return created;
    }
    const [existing] = await tx
      .select(entryColumns)
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.userId, actor.userId),
          eq(journalEntries.idempotencyKey, input.idempotencyKey),
        ),
      );
    // Only if the first save was deleted between the two statements; a retry then saves.
    if (!existing) throw new AppError("CONFLICT", "Please tap Save again.");
    return existing;
  });
}

const sameContent = (row: JournalEntryView, input: UpdateInput) =>
  row.mood === input.mood &&
  row.body === input.body &&
  row.stepNumber === (input.stepNumber ?? null) &&
  row.sharedWithBuddies === input.sharedWithBuddies;

/**
 * Replaces an entry's fields (a missing stepNumber means no step) if nobody saved it since
 * `version` was loaded. The same edit arriving twice answers with the saved entry instead
 * of a conflict; a different edit from an older version is a CONFLICT and changes nothing.
 */
export async function updateEntry(
  db: Db,
  actor: Actor,
  input: UpdateInput,
): Promise<JournalEntryView> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ journeyId: journalEntries.journeyId, stepNumber: journalEntries.stepNumber })
      .from(journalEntries)
      .where(owned(actor, input.id));
    if (!current) throw notFound(WHAT);
    const activeId = await activeJourneyId(tx, actor);
    const stepNumber = input.stepNumber ?? null;
    // An entry written before any plan joins the current one when it is tied to a step.
    const journeyId = current.journeyId ?? (stepNumber !== null ? activeId : null);
    if (stepNumber !== null && journeyId === null) throw noPlanForStep();

    const now = new Date();
    const [saved] = await tx
      .update(journalEntries)
      .set({
        journeyId,
        stepNumber,
        mood: input.mood,
        body: input.body,
        sharedWithBuddies: input.sharedWithBuddies,
        version: input.version + 1,
        updatedAt: now,
      })
      .where(and(owned(actor, input.id), eq(journalEntries.version, input.version)))
      .returning(entryColumns);
    if (saved) {
      if (journeyId && journeyId === activeId) {
        await touchStep(tx, actor, journeyId, stepNumber, now);
        // Noticed again only when the step changed, so an edit never re-ticks a task.
        if (current.stepNumber !== stepNumber) {
          await noticeWork(tx, actor, journeyId, stepNumber, now);
        }
      }
      return saved;
    }
    // Read again: this statement sees whatever committed while the update waited.
    const [latest] = await tx
      .select(entryColumns)
      .from(journalEntries)
      .where(owned(actor, input.id));
    if (!latest) throw notFound(WHAT);
    if (latest.version === input.version + 1 && sameContent(latest, input)) return latest;
    throw staleVersion(WHAT);
  });
}

export async function deleteEntry(db: Db, actor: Actor, input: IdInput): Promise<{ id: string }> {
  const [deleted] = await db
    .delete(journalEntries)
    .where(owned(actor, input.id))
    .returning({ id: journalEntries.id });
  if (!deleted) throw notFound(WHAT);
  return deleted;
}
