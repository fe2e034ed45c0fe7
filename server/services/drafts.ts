import "#server-only";
import { addMinutes } from "date-fns";
import { and, desc, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type Draft, drafts, type Journey, journeys } from "@/db/schema";
import { exPerson, getProgram, personalize, type Step } from "@/lib/program";
import {
  type createDraftInput,
  DRAFT_COOL_DOWN_MINUTES,
  type DraftStep,
  type DraftView,
  type listDraftsInput,
  type markSentInput,
  type updateDraftInput,
} from "@/lib/schemas/drafts";
import { FALLBACK_LOCALE, formatLocalTime, type UserClock } from "@/lib/stats";
import { AppError } from "@/server/errors";
import { type Actor, activeJourney, notFound, staleVersion, type Tx, touchStep } from "./common";
import { noticeWork } from "./steps";

/** The program steps that have a message to draft (those with `draftChecks`). */
function draftSteps(journey: Pick<Journey, "programVersion">): Step[] {
  return getProgram(journey.programVersion).steps.filter((s) => s.draftChecks?.length);
}

function draftStep(journey: Pick<Journey, "programVersion">, stepNumber: number): Step | null {
  return draftSteps(journey).find((s) => s.number === stepNumber) ?? null;
}

function checkKeys(step: Step | null): string[] {
  return step?.draftChecks?.map((c) => c.key) ?? [];
}

/** A draft as people see it, with readiness worked out at `now`. */
function view(row: Draft, step: Step | null, now: Date): DraftView {
  const unansweredChecks = checkKeys(step).filter((k) => row.checks[k] === undefined);
  return {
    id: row.id,
    stepNumber: row.stepNumber,
    body: row.body,
    checks: row.checks,
    status: row.status === "sent" ? "sent" : "writing",
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    readyAt: row.coolDownUntil,
    unansweredChecks,
    ready:
      row.status === "writing" &&
      now.getTime() >= row.coolDownUntil.getTime() &&
      unansweredChecks.length === 0,
  };
}

/** A draft of this user with its journey's program version; NOT_FOUND for anyone else's. */
async function ownDraft(db: Tx, actor: Actor, id: string) {
  const [found] = await db
    .select({ draft: drafts, programVersion: journeys.programVersion })
    .from(drafts)
    .innerJoin(journeys, eq(journeys.id, drafts.journeyId))
    .where(and(eq(drafts.id, id), eq(drafts.userId, actor.userId), ne(drafts.status, "discarded")));
  if (!found) throw notFound("draft");
  return { row: found.draft, step: draftStep(found, found.draft.stepNumber) };
}

/** The steps of the journey in progress that have a message to draft, with their checks. */
export async function listDraftSteps(db: Db, actor: Actor): Promise<DraftStep[]> {
  const journey = await activeJourney(db, actor);
  const person = exPerson(journey, actor.discreet);
  return draftSteps(journey).map((step) => ({
    stepNumber: step.number,
    title: personalize(step.title, person),
    checks: (step.draftChecks ?? []).map((c) => ({
      key: c.key,
      question: personalize(c.question, person),
      good: c.good,
    })),
  }));
}

/** The drafts of the journey in progress, most recently changed first. */
export async function listDrafts(
  db: Db,
  actor: Actor,
  input: z.output<typeof listDraftsInput>,
  now = new Date(),
): Promise<DraftView[]> {
  const [journey] = await db
    .select()
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  if (!journey) return [];
  const rows = await db
    .select()
    .from(drafts)
    .where(
      and(
        eq(drafts.userId, actor.userId),
        eq(drafts.journeyId, journey.id),
        ne(drafts.status, "discarded"),
        input.stepNumber === undefined ? undefined : eq(drafts.stepNumber, input.stepNumber),
      ),
    )
    .orderBy(desc(drafts.updatedAt));
  return rows.map((row) => view(row, draftStep(journey, row.stepNumber), now));
}

export async function getDraft(db: Db, actor: Actor, id: string, now = new Date()) {
  const { row, step } = await ownDraft(db, actor, id);
  return view(row, step, now);
}

/**
 * Starts a draft for a step of the journey in progress. Retried with the same key, it
 * returns the draft the first call made instead of a second one.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  input: z.output<typeof createDraftInput>,
  now = new Date(),
): Promise<DraftView> {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    const step = draftStep(journey, input.stepNumber);
    if (!step) {
      const numbers = draftSteps(journey).map((s) => s.number);
      throw new AppError(
        "BAD_REQUEST",
        `Drafts are for the steps with a message to write: ${listWords(numbers)}.`,
        "stepNumber",
      );
    }
    const [inserted] = await tx
      .insert(drafts)
      .values({
        userId: actor.userId,
        journeyId: journey.id,
        stepNumber: input.stepNumber,
        body: input.body,
        coolDownUntil: addMinutes(now, DRAFT_COOL_DOWN_MINUTES),
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [drafts.userId, drafts.idempotencyKey] })
      .returning();
    if (inserted) {
      await touchStep(tx, actor, journey.id, step.number, now);
      await noticeWork(tx, actor, journey.id, step.number, now);
      return view(inserted, step, now);
    }
    const [existing] = await tx
      .select()
      .from(drafts)
      .where(and(eq(drafts.userId, actor.userId), eq(drafts.idempotencyKey, input.idempotencyKey)));
    // The key's draft was deleted since: there is nothing sensible to return.
    if (!existing) throw notFound("draft");
    return view(existing, draftStep(journey, existing.stepNumber), now);
  });
}

/**
 * Saves new text and/or check answers, only if nobody saved the draft since the editor
 * loaded it. A changed text starts the cool-down again; answers alone do not.
 */
export async function updateDraft(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateDraftInput>,
  now = new Date(),
): Promise<DraftView> {
  return db.transaction(async (tx) => {
    const { row, step } = await ownDraft(tx, actor, input.id);
    if (row.version !== input.version) throw staleVersion("draft");
    if (row.status === "sent") throw alreadySent();
    const keys = checkKeys(step);
    const unknown = Object.keys(input.checks ?? {}).filter((k) => !keys.includes(k));
    if (unknown.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        "Those answers don't match this step's questions. Please reload the page.",
        "checks",
      );
    }
    const bodyChanged = input.body !== undefined && input.body !== row.body;
    const [saved] = await tx
      .update(drafts)
      .set({
        body: input.body ?? row.body,
        checks: { ...row.checks, ...input.checks },
        coolDownUntil: bodyChanged ? addMinutes(now, DRAFT_COOL_DOWN_MINUTES) : row.coolDownUntil,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(drafts.id, row.id),
          eq(drafts.userId, actor.userId),
          eq(drafts.version, input.version),
        ),
      )
      .returning();
    if (!saved) throw staleVersion("draft");
    await touchStep(tx, actor, row.journeyId, row.stepNumber, now);
    return view(saved, step, now);
  });
}

/**
 * Marks a ready draft as sent, and counts as activity on its step. A draft already sent
 * (a double tap, or the other device) is returned as it is.
 */
export async function markSent(
  db: Db,
  actor: Actor,
  input: z.output<typeof markSentInput>,
  clock: UserClock,
): Promise<DraftView> {
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const { row, step } = await ownDraft(tx, actor, input.id);
    if (row.status === "sent") return view(row, step, now);
    if (row.version !== input.version) throw staleVersion("draft");
    const current = view(row, step, now);
    if (current.unansweredChecks.length > 0) {
      const n = current.unansweredChecks.length;
      throw new AppError(
        "BAD_REQUEST",
        n === 1
          ? "One question beside your draft is still open. Answer it, then mark it as sent."
          : `${n} questions beside your draft are still open. Answer them, then mark it as sent.`,
      );
    }
    if (!current.ready) {
      throw new AppError(
        "BAD_REQUEST",
        `Give it a little longer: this draft will be ready at ${formatLocalTime(row.coolDownUntil, clock.timeZone, clock.locale ?? FALLBACK_LOCALE, now)}.`,
      );
    }
    const [saved] = await tx
      .update(drafts)
      .set({ status: "sent", version: row.version + 1, updatedAt: now })
      .where(
        and(
          eq(drafts.id, row.id),
          eq(drafts.userId, actor.userId),
          eq(drafts.version, input.version),
        ),
      )
      .returning();
    if (!saved) throw staleVersion("draft");
    await touchStep(tx, actor, row.journeyId, row.stepNumber, now);
    return view(saved, step, now);
  });
}

/** Deletes a draft for good: private words the person chose to throw away aren't kept. */
export async function deleteDraft(db: Db, actor: Actor, id: string): Promise<{ id: string }> {
  const [gone] = await db
    .delete(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.userId, actor.userId)))
    .returning({ id: drafts.id });
  if (!gone) throw notFound("draft");
  return gone;
}

const alreadySent = () =>
  new AppError("BAD_REQUEST", "This message is marked as sent, so it can't be changed any more.");

/** "steps 1, 2 and 6". */
function listWords(numbers: number[]): string {
  if (numbers.length <= 1) return `step ${numbers.join("")}`;
  return `steps ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}
