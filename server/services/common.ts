import "#server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Journey, journeys, stepProgress } from "@/db/schema";
import { AppError } from "@/server/errors";

/** Who is acting. Services scope every query by it; it never comes from input. */
export interface Actor {
  userId: string;
  /** Discreet mode: what the services show this person leaves the ex's name out. */
  discreet?: boolean;
}

/** A transaction or the database: services accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export const notFound = (what: string) =>
  new AppError("NOT_FOUND", `We couldn't find that ${what}. It may have been deleted.`);

export const staleVersion = (what: string) =>
  new AppError(
    "CONFLICT",
    `This ${what} was changed on another device. Your text is still here: copy it, reload to see the newest version, then save again.`,
  );

/** The user's journey in progress, or NOT_FOUND with a message that says what to do. */
export async function activeJourney(db: Tx, actor: Actor): Promise<Journey> {
  const [row] = await db
    .select()
    .from(journeys)
    .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active")));
  if (!row) throw noPlanInProgress();
  return row;
}

export const noPlanInProgress = () =>
  new AppError("NOT_FOUND", "You don't have a plan in progress. Start one from your home page.");

/** Marks activity on a step, which keeps it from showing as stalled. */
export async function touchStep(
  db: Tx,
  actor: Actor,
  journeyId: string,
  stepNumber: number | null | undefined,
  at = new Date(),
): Promise<void> {
  if (!stepNumber) return;
  await db
    .update(stepProgress)
    .set({ lastActivityAt: at })
    .where(
      and(
        eq(stepProgress.userId, actor.userId),
        eq(stepProgress.journeyId, journeyId),
        eq(stepProgress.stepNumber, stepNumber),
      ),
    );
}
