import "#server-only";
import { format, subYears } from "date-fns";
import { and, desc, eq, getTableColumns, type SQLWrapper, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { type Journey, journeys, reflections, stepProgress, taskCompletions } from "@/db/schema";
import {
  assessSafety,
  getProgram,
  getStep,
  PROGRAM_VERSION,
  type ReadinessVerdict,
  scoreReadiness,
  shownName,
} from "@/lib/program";
import { NO_EVIDENCE, tasksDoneBy } from "@/lib/program/notice";
import type {
  JourneyView,
  readinessAnswers,
  recordOutcomeInput,
  situation,
  startJourneyInput,
  updateSituationInput,
} from "@/lib/schemas/journey";
import { daysBetween, localDay } from "@/lib/stats/days";
import { AppError } from "@/server/errors";
import { type Actor, activeJourney, staleVersion, type Tx } from "./common";
import { fromJson } from "./dashboard";

export interface Clock {
  timeZone: string;
  now?: Date;
}

/** Today's calendar date where the user lives, as YYYY-MM-DD. */
export function localToday({ timeZone, now = new Date() }: Clock): string {
  return localDay(now, timeZone);
}

/** Whole calendar days from `date` to today, where the user lives. */
export function daysSince(date: string, clock: Clock): number {
  return daysBetween(date, localDay(clock.now ?? new Date(), clock.timeZone));
}

/** A breakup date cannot be in the future (where the user lives) or absurdly far back. */
function checkBreakupDate(date: string, clock: Clock, field: string) {
  const today = localToday(clock);
  if (date > today) {
    throw new AppError(
      "BAD_REQUEST",
      "That date can't be in the future: please choose today or earlier.",
      field,
    );
  }
  const earliest = format(subYears(new Date(`${today}T00:00:00Z`), 60), "yyyy-MM-dd");
  if (date < earliest) {
    throw new AppError("BAD_REQUEST", "Please check that date's year.", field);
  }
}

/** A step as the plan screens show it, as json_agg sends it: timestamps are ISO text. */
interface StepJson {
  number: number;
  status: "locked" | "open" | "done";
  openedAt: string | null;
  completedAt: string | null;
  lastActivityAt: string | null;
  tasksDone: string[];
  reflectionCount: number;
}

const instant = (value: string | null) => (value === null ? null : new Date(value));

/**
 * A journey's steps with their tasks done and reflection counts, as one json subquery on
 * the journey `journeyId` names (a column of the outer query, or a value). Each step's
 * tasks and reflections are read by their primary key and (journey, step) index.
 */
export function stepViewsJson(userId: SQLWrapper, journeyId: SQLWrapper) {
  // Comparisons through eq(), which names each column's table: a bare column in sql`` may
  // go out unqualified and then mean the innermost table's column of that name.
  const ofStep = (table: typeof taskCompletions | typeof reflections) =>
    and(
      eq(table.journeyId, stepProgress.journeyId),
      eq(table.stepNumber, stepProgress.stepNumber),
      eq(table.userId, userId),
    );
  return sql`(
    select coalesce(json_agg(json_build_object(
      'number', ${stepProgress.stepNumber}, 'status', ${stepProgress.status},
      'openedAt', ${stepProgress.openedAt}, 'completedAt', ${stepProgress.completedAt},
      'lastActivityAt', ${stepProgress.lastActivityAt},
      'tasksDone', (
        select coalesce(json_agg(${taskCompletions.taskKey}), '[]'::json) from ${taskCompletions}
        where ${ofStep(taskCompletions)}
      ),
      'reflectionCount', (select count(*) from ${reflections} where ${ofStep(reflections)})
    ) order by ${stepProgress.stepNumber}), '[]'::json)
    from ${stepProgress}
    where ${and(eq(stepProgress.userId, userId), eq(stepProgress.journeyId, journeyId))}
  )`.mapWith((value: unknown) => fromJson<StepJson[]>(value));
}

/** The journey row and its steps' json as the plan screens show them. */
export function journeyViewOf(actor: Actor, journey: Journey, steps: StepJson[]): JourneyView {
  return {
    id: journey.id,
    programVersion: journey.programVersion,
    status: journey.status,
    breakupDate: journey.breakupDate,
    contactLevel: journey.contactLevel,
    exName: shownName(journey.exName, actor.discreet),
    exPronouns: journey.exPronouns,
    readinessResult: journey.readinessResult,
    safetyConcern: journey.safetyConcern,
    outcome: journey.outcome,
    outcomeNote: journey.outcomeNote,
    createdAt: journey.createdAt,
    endedAt: journey.endedAt,
    version: journey.version,
    steps: steps.map((s) => ({
      number: s.number,
      status: s.status,
      openedAt: instant(s.openedAt),
      completedAt: instant(s.completedAt),
      lastActivityAt: instant(s.lastActivityAt),
      tasksDone: s.tasksDone,
      reflectionCount: Number(s.reflectionCount),
    })),
  };
}

const byUser = sql.placeholder("user");

/** The journey in progress with its steps, in one prepared statement. */
function currentJourneyStatement(db: Db) {
  return db
    .select({ ...getTableColumns(journeys), steps: stepViewsJson(byUser, journeys.id) })
    .from(journeys)
    .where(and(eq(journeys.userId, byUser), eq(journeys.status, "active")))
    .prepare("current_journey");
}

/**
 * Everything the plan screens need about a journey, in one statement. In discreet mode the
 * name stays out, so no screen (and no payload behind one) can show it.
 */
export async function journeyView(db: Tx, actor: Actor, journey: Journey): Promise<JourneyView> {
  const [row] = await db
    .select({ steps: stepViewsJson(sql`${actor.userId}`, sql`${journey.id}`) })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.id, journey.id)));
  return journeyViewOf(actor, journey, row?.steps ?? []);
}

/**
 * Starts a journey from onboarding. A retried submit (same idempotency key) returns the
 * journey it made; a second plan while one is in progress is refused.
 */
export async function startJourney(
  db: Db,
  actor: Actor,
  input: z.output<typeof startJourneyInput>,
  clock: Clock,
): Promise<JourneyView> {
  checkBreakupDate(input.situation.breakupDate, clock, "situation.breakupDate");
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const [journey] = await tx
      .insert(journeys)
      .values({
        userId: actor.userId,
        programVersion: PROGRAM_VERSION,
        breakupDate: input.situation.breakupDate,
        contactLevel: input.situation.contactLevel,
        exName: input.situation.exName ?? null,
        exPronouns: input.situation.exPronouns,
        readinessResult: scoreReadiness(input.readiness).result,
        readinessAnswers: input.readiness,
        readinessAt: now,
        safetyConcern: assessSafety(input.safety).concern,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!journey) {
      const [same] = await tx
        .select()
        .from(journeys)
        .where(
          and(eq(journeys.userId, actor.userId), eq(journeys.idempotencyKey, input.idempotencyKey)),
        );
      if (same) return journeyView(tx, actor, same);
      throw new AppError(
        "CONFLICT",
        "You already have a plan in progress. Finish it or record how it ended before starting another.",
      );
    }
    const program = getProgram(journey.programVersion);
    await tx.insert(stepProgress).values(
      program.steps.map((step) => ({
        journeyId: journey.id,
        userId: actor.userId,
        stepNumber: step.number,
        status: step.number === 1 ? ("open" as const) : ("locked" as const),
        openedAt: step.number === 1 ? now : null,
      })),
    );
    return journeyView(tx, actor, journey);
  });
}

export async function currentJourney(db: Db, actor: Actor): Promise<JourneyView | null> {
  const [row] = await prepared(db, "current_journey", () => currentJourneyStatement(db)).execute({
    user: actor.userId,
  });
  if (!row) return null;
  const { steps, ...journey } = row;
  return journeyViewOf(actor, journey, steps);
}

/** Ended journeys, newest first: they stay in the user's history. */
export async function journeyHistory(db: Db, actor: Actor) {
  return db
    .select({
      id: journeys.id,
      exName: actor.discreet ? sql<string | null>`null` : journeys.exName,
      outcome: journeys.outcome,
      createdAt: journeys.createdAt,
      endedAt: journeys.endedAt,
    })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "ended")))
    .orderBy(desc(journeys.createdAt));
}

/** The readiness check can be retaken at any time; the newest answer is kept. */
export async function retakeReadiness(
  db: Db,
  actor: Actor,
  answers: z.output<typeof readinessAnswers>,
  now = new Date(),
): Promise<ReadinessVerdict> {
  const verdict = scoreReadiness(answers);
  await db
    .update(journeys)
    .set({ readinessResult: verdict.result, readinessAnswers: answers, readinessAt: now })
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  return verdict;
}

export async function updateSituation(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateSituationInput>,
  clock: Clock,
): Promise<JourneyView> {
  checkBreakupDate(input.breakupDate, clock, "breakupDate");
  const journey = await activeJourney(db, actor);
  const next: z.output<typeof situation> = input;
  // Discreet mode hides the name field, so a form without it keeps the name as it was.
  const exName = next.exName === undefined ? journey.exName : next.exName;
  const [saved] = await db
    .update(journeys)
    .set({
      breakupDate: next.breakupDate,
      contactLevel: next.contactLevel,
      exName,
      exPronouns: next.exPronouns,
      version: input.version + 1,
      updatedAt: clock.now ?? new Date(),
    })
    .where(
      and(
        eq(journeys.userId, actor.userId),
        eq(journeys.id, journey.id),
        eq(journeys.version, input.version),
      ),
    )
    .returning();
  if (!saved) throw staleVersion("plan");
  return journeyView(db, actor, saved);
}

/**
 * Records where things stand. "Back together" and "moving on" end the journey (it stays in
 * the history, and a new one can start); "still working on it" keeps it going. Reaching
 * step 7 and recording any outcome completes step 7.
 */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  input: z.output<typeof recordOutcomeInput>,
  now = new Date(),
): Promise<JourneyView> {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    const ends = input.outcome !== "still_working";
    const [saved] = await tx
      .update(journeys)
      .set({
        outcome: input.outcome,
        outcomeNote: input.note || null,
        status: ends ? "ended" : "active",
        endedAt: ends ? now : null,
        version: input.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(journeys.userId, actor.userId),
          eq(journeys.id, journey.id),
          eq(journeys.version, input.version),
        ),
      )
      .returning();
    if (!saved) throw staleVersion("plan");
    // Recording an outcome is step 7's last task: it ticks itself.
    const last = getStep(getProgram(journey.programVersion), 7);
    const ticked = tasksDoneBy(last, { ...NO_EVIDENCE, outcome: true });
    if (ticked.length > 0) {
      await tx
        .insert(taskCompletions)
        .values(
          ticked.map((taskKey) => ({
            journeyId: journey.id,
            userId: actor.userId,
            stepNumber: last.number,
            taskKey,
            completedAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    await tx
      .update(stepProgress)
      .set({ status: "done", completedAt: now, lastActivityAt: now })
      .where(
        and(
          eq(stepProgress.userId, actor.userId),
          eq(stepProgress.journeyId, journey.id),
          eq(stepProgress.stepNumber, 7),
          eq(stepProgress.status, "open"),
        ),
      );
    return journeyView(tx, actor, saved);
  });
}
