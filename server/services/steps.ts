import "#server-only";
import { and, asc, count, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  contacts,
  drafts,
  type Journey,
  journalEntries,
  journeys,
  memories,
  reflections,
  stepProgress,
  taskCompletions,
} from "@/db/schema";
import { getProgram, getStep, type Step, type StepNumber } from "@/lib/program";
import { type StepEvidence, tasksDoneBy } from "@/lib/program/notice";
import type {
  addMemoryInput,
  addReflectionInput,
  setTaskInput,
  updateReflectionInput,
} from "@/lib/schemas/steps";
import { AppError } from "@/server/errors";
import {
  type Actor,
  activeJourney,
  noPlanInProgress,
  notFound,
  staleVersion,
  type Tx,
  touchStep,
} from "./common";
import { currentJourney, journeyView } from "./journey";

function contentOf(journey: Journey, stepNumber: number): Step {
  return getStep(getProgram(journey.programVersion), stepNumber as StepNumber);
}

async function progressOf(tx: Tx, actor: Actor, journey: Journey, stepNumber: number) {
  const [row] = await tx
    .select()
    .from(stepProgress)
    .where(
      and(
        eq(stepProgress.userId, actor.userId),
        eq(stepProgress.journeyId, journey.id),
        eq(stepProgress.stepNumber, stepNumber),
      ),
    );
  if (!row) throw notFound("step");
  return row;
}

/** Work happens only on steps that are open or done; a locked step says why. */
async function unlockedStep(tx: Tx, actor: Actor, journey: Journey, stepNumber: number) {
  const row = await progressOf(tx, actor, journey, stepNumber);
  if (row.status === "locked") {
    throw new AppError(
      "FORBIDDEN",
      `Step ${stepNumber} opens once step ${stepNumber - 1} is done. One step at a time.`,
    );
  }
  return row;
}

/**
 * A step is done when every required task is ticked and at least one reflection is
 * written; finishing it opens the next one. Unticking a task of a done step reopens it,
 * but never locks a later step again: progress already made stays.
 */
async function settleStep(tx: Tx, actor: Actor, journey: Journey, stepNumber: number, now: Date) {
  const step = contentOf(journey, stepNumber);
  const required = step.tasks.filter((t) => t.required).map((t) => t.key);
  const [[tasks], [written], row] = await Promise.all([
    tx
      .select({ n: count() })
      .from(taskCompletions)
      .where(
        and(
          eq(taskCompletions.userId, actor.userId),
          eq(taskCompletions.journeyId, journey.id),
          eq(taskCompletions.stepNumber, stepNumber),
          inArray(taskCompletions.taskKey, required),
        ),
      ),
    tx
      .select({ n: count() })
      .from(reflections)
      .where(
        and(
          eq(reflections.userId, actor.userId),
          eq(reflections.journeyId, journey.id),
          eq(reflections.stepNumber, stepNumber),
        ),
      ),
    progressOf(tx, actor, journey, stepNumber),
  ]);
  const complete = (tasks?.n ?? 0) >= required.length && (written?.n ?? 0) > 0;
  const scope = (n: number) =>
    and(
      eq(stepProgress.userId, actor.userId),
      eq(stepProgress.journeyId, journey.id),
      eq(stepProgress.stepNumber, n),
    );
  if (complete && row.status === "open") {
    await tx
      .update(stepProgress)
      .set({ status: "done", completedAt: now })
      .where(scope(stepNumber));
    if (stepNumber < 7) {
      await tx
        .update(stepProgress)
        .set({ status: "open", openedAt: now })
        .where(and(scope(stepNumber + 1), eq(stepProgress.status, "locked")));
    }
  } else if (!complete && row.status === "done") {
    await tx
      .update(stepProgress)
      .set({ status: "open", completedAt: null })
      .where(scope(stepNumber));
  }
}

const counted = (query: ReturnType<typeof sql>) => sql`(${query})`.mapWith(Number);

/**
 * What the person did for one step of a journey, in one statement: drafts, contacts by who
 * started them, journal entries, memories, answered reflection prompts and the outcome.
 */
export async function stepEvidence(
  db: Tx,
  actor: Actor,
  journeyId: string,
  stepNumber: number,
): Promise<StepEvidence> {
  const own = <
    T extends typeof drafts | typeof contacts | typeof journalEntries | typeof reflections,
  >(
    table: T,
  ) =>
    and(
      eq(table.userId, actor.userId),
      eq(table.journeyId, journeyId),
      eq(table.stepNumber, stepNumber),
    );
  const contactsBy = (who: "me" | "them") =>
    counted(
      sql`select count(*) from ${contacts} where ${and(own(contacts), eq(contacts.initiator, who))}`,
    );
  const ownMemories = and(eq(memories.userId, actor.userId), eq(memories.journeyId, journeyId));
  const [row] = await db
    .select({
      drafts: counted(
        sql`select count(*) from ${drafts} where ${and(own(drafts), ne(drafts.status, "discarded"))}`,
      ),
      contactsMine: contactsBy("me"),
      contactsTheirs: contactsBy("them"),
      entries: counted(sql`select count(*) from ${journalEntries} where ${own(journalEntries)}`),
      memories: counted(sql`select count(*) from ${memories} where ${ownMemories}`),
      memoriesShared: counted(
        sql`select count(*) from ${memories} where ${and(ownMemories, isNotNull(memories.sharedAt))}`,
      ),
      reflections: sql<string[]>`(
        select coalesce(json_agg(distinct ${reflections.promptKey}), '[]'::json)
        from ${reflections} where ${own(reflections)}
      )`.mapWith((v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as string[]),
      outcome: sql<boolean>`${journeys.outcome} is not null`.mapWith(Boolean),
    })
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.id, journeyId)));
  if (!row) throw notFound("plan");
  return row;
}

/**
 * The plan notices work done elsewhere (a draft, a contact, an entry, a memory, a
 * reflection): the tasks of the step that this work shows done are ticked, and the step
 * settles. Only ever adds ticks, and only in the journey in progress.
 */
export async function noticeWork(
  tx: Tx,
  actor: Actor,
  journeyId: string | null,
  stepNumber: number | null | undefined,
  now = new Date(),
): Promise<void> {
  if (!journeyId || !stepNumber) return;
  const [journey] = await tx
    .select()
    .from(journeys)
    .where(
      and(
        eq(journeys.userId, actor.userId),
        eq(journeys.id, journeyId),
        eq(journeys.status, "active"),
      ),
    );
  if (!journey) return;
  const step = contentOf(journey, stepNumber);
  const keys = tasksDoneBy(step, await stepEvidence(tx, actor, journey.id, stepNumber));
  if (keys.length === 0) return;
  await tx
    .insert(taskCompletions)
    .values(
      keys.map((taskKey) => ({
        journeyId: journey.id,
        userId: actor.userId,
        stepNumber,
        taskKey,
        completedAt: now,
      })),
    )
    .onConflictDoNothing();
  await settleStep(tx, actor, journey, stepNumber, now);
}

/** One step of the active journey with its reflections (and memories, for step 4). */
export async function stepDetail(db: Db, actor: Actor, stepNumber: number) {
  // The journey and its steps in one statement; the step's own reads follow side by side.
  const view = await currentJourney(db, actor);
  if (!view) throw noPlanInProgress();
  const journey = view;
  const [written, remembered, evidence] = await Promise.all([
    db
      .select({
        id: reflections.id,
        stepNumber: reflections.stepNumber,
        promptKey: reflections.promptKey,
        body: reflections.body,
        version: reflections.version,
        createdAt: reflections.createdAt,
        updatedAt: reflections.updatedAt,
      })
      .from(reflections)
      .where(
        and(
          eq(reflections.userId, actor.userId),
          eq(reflections.journeyId, journey.id),
          eq(reflections.stepNumber, stepNumber),
        ),
      )
      .orderBy(asc(reflections.createdAt)),
    stepNumber === 4 ? listMemoriesOf(db, actor, journey) : Promise.resolve([]),
    stepEvidence(db, actor, journey.id, stepNumber),
  ]);
  const progress = view.steps.find((s) => s.number === stepNumber);
  if (!progress) throw notFound("step");
  return { journey: view, progress, reflections: written, memories: remembered, evidence };
}

export async function setTask(
  db: Db,
  actor: Actor,
  input: z.output<typeof setTaskInput>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    await unlockedStep(tx, actor, journey, input.stepNumber);
    const step = contentOf(journey, input.stepNumber);
    if (!step.tasks.some((t) => t.key === input.taskKey)) {
      throw new AppError("BAD_REQUEST", "That task isn't part of this step.", "taskKey");
    }
    if (input.done) {
      await tx
        .insert(taskCompletions)
        .values({
          journeyId: journey.id,
          userId: actor.userId,
          stepNumber: input.stepNumber,
          taskKey: input.taskKey,
          completedAt: now,
        })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(taskCompletions)
        .where(
          and(
            eq(taskCompletions.userId, actor.userId),
            eq(taskCompletions.journeyId, journey.id),
            eq(taskCompletions.stepNumber, input.stepNumber),
            eq(taskCompletions.taskKey, input.taskKey),
          ),
        );
    }
    await touchStep(tx, actor, journey.id, input.stepNumber, now);
    await settleStep(tx, actor, journey, input.stepNumber, now);
    return journeyView(tx, actor, journey);
  });
}

export async function addReflection(
  db: Db,
  actor: Actor,
  input: z.output<typeof addReflectionInput>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    await unlockedStep(tx, actor, journey, input.stepNumber);
    const step = contentOf(journey, input.stepNumber);
    if (!step.reflectionPrompts.some((p) => p.key === input.promptKey)) {
      throw new AppError("BAD_REQUEST", "That question isn't part of this step.", "promptKey");
    }
    const [created] = await tx
      .insert(reflections)
      .values({
        journeyId: journey.id,
        userId: actor.userId,
        stepNumber: input.stepNumber,
        promptKey: input.promptKey,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [same] = await tx
        .select()
        .from(reflections)
        .where(
          and(
            eq(reflections.userId, actor.userId),
            eq(reflections.idempotencyKey, input.idempotencyKey),
          ),
        );
      if (!same) throw new AppError("CONFLICT", "Please try saving again.");
      return same;
    }
    await touchStep(tx, actor, journey.id, input.stepNumber, now);
    await noticeWork(tx, actor, journey.id, input.stepNumber, now);
    await settleStep(tx, actor, journey, input.stepNumber, now);
    return created;
  });
}

export async function updateReflection(
  db: Db,
  actor: Actor,
  input: z.output<typeof updateReflectionInput>,
  now = new Date(),
) {
  const [saved] = await db
    .update(reflections)
    .set({ body: input.body, version: input.version + 1, updatedAt: now })
    .where(
      and(
        eq(reflections.userId, actor.userId),
        eq(reflections.id, input.id),
        eq(reflections.version, input.version),
      ),
    )
    .returning();
  if (saved) return saved;
  const [exists] = await db
    .select({ id: reflections.id })
    .from(reflections)
    .where(and(eq(reflections.userId, actor.userId), eq(reflections.id, input.id)));
  throw exists ? staleVersion("reflection") : notFound("reflection");
}

export async function deleteReflection(db: Db, actor: Actor, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(reflections)
      .where(and(eq(reflections.userId, actor.userId), eq(reflections.id, id)))
      .returning();
    if (!gone) throw notFound("reflection");
    const journey = await activeJourney(tx, actor).catch(() => null);
    if (journey && journey.id === gone.journeyId) {
      await settleStep(tx, actor, journey, gone.stepNumber, now);
    }
    return { id };
  });
}

/** "Go back": a done step becomes open again so its work can be revisited. */
export async function reopenStep(db: Db, actor: Actor, stepNumber: number) {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    await unlockedStep(tx, actor, journey, stepNumber);
    await tx
      .update(stepProgress)
      .set({ status: "open", completedAt: null })
      .where(
        and(
          eq(stepProgress.userId, actor.userId),
          eq(stepProgress.journeyId, journey.id),
          eq(stepProgress.stepNumber, stepNumber),
        ),
      );
    return journeyView(tx, actor, journey);
  });
}

function listMemoriesOf(db: Tx, actor: Actor, journey: Pick<Journey, "id">) {
  return db
    .select({
      id: memories.id,
      body: memories.body,
      sharedAt: memories.sharedAt,
      createdAt: memories.createdAt,
    })
    .from(memories)
    .where(and(eq(memories.userId, actor.userId), eq(memories.journeyId, journey.id)))
    .orderBy(asc(memories.createdAt));
}

export async function addMemory(
  db: Db,
  actor: Actor,
  input: z.output<typeof addMemoryInput>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const journey = await activeJourney(tx, actor);
    await unlockedStep(tx, actor, journey, 4);
    const [created] = await tx
      .insert(memories)
      .values({
        journeyId: journey.id,
        userId: actor.userId,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    const row =
      created ??
      (
        await tx
          .select()
          .from(memories)
          .where(
            and(
              eq(memories.userId, actor.userId),
              eq(memories.idempotencyKey, input.idempotencyKey),
            ),
          )
      )[0];
    if (!row) throw new AppError("CONFLICT", "Please try saving again.");
    await touchStep(tx, actor, journey.id, 4, now);
    if (created) await noticeWork(tx, actor, journey.id, 4, now);
    return { id: row.id, body: row.body, sharedAt: row.sharedAt, createdAt: row.createdAt };
  });
}

export async function setMemoryShared(
  db: Db,
  actor: Actor,
  input: { id: string; shared: boolean },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .update(memories)
      .set({ sharedAt: input.shared ? now : null, updatedAt: now })
      .where(and(eq(memories.userId, actor.userId), eq(memories.id, input.id)))
      .returning();
    if (!saved) throw notFound("memory");
    if (input.shared) await noticeWork(tx, actor, saved.journeyId, 4, now);
    return { id: saved.id, body: saved.body, sharedAt: saved.sharedAt, createdAt: saved.createdAt };
  });
}

export async function deleteMemory(db: Db, actor: Actor, id: string) {
  const [gone] = await db
    .delete(memories)
    .where(and(eq(memories.userId, actor.userId), eq(memories.id, id)))
    .returning({ id: memories.id });
  if (!gone) throw notFound("memory");
  return gone;
}
