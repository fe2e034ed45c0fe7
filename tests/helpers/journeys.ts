import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { type Journey, journeys, stepProgress } from "@/db/schema";
import { PROGRAM_VERSION } from "@/lib/program";

/**
 * A journey in progress for `userId`, written straight to the tables (step 1 open, the rest
 * locked), for tests of features that need one. The journey service has its own tests.
 */
export async function startJourney(
  db: Db,
  userId: string,
  overrides: Partial<typeof journeys.$inferInsert> = {},
): Promise<Journey> {
  const [journey] = await db
    .insert(journeys)
    .values({
      userId,
      programVersion: PROGRAM_VERSION,
      breakupDate: "2026-09-01",
      contactLevel: "none",
      exName: "Jordan",
      exPronouns: "they",
      readinessResult: "ready",
      readinessAnswers: {},
      idempotencyKey: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!journey) throw new Error("journey insert returned nothing");
  const now = new Date();
  await db.insert(stepProgress).values(
    [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      journeyId: journey.id,
      userId,
      stepNumber: n,
      status: n === 1 ? ("open" as const) : ("locked" as const),
      openedAt: n === 1 ? now : null,
    })),
  );
  return journey;
}
