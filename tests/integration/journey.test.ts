import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journeys, reflections } from "@/db/schema";
import { currentProgram } from "@/lib/program";
import type { StartJourneyInput } from "@/lib/schemas/journey";
import { setupTestDb } from "../helpers/db";
import { type Caller, signedInUser } from "../helpers/users";

const t = setupTestDb();

const readyAnswers = Object.fromEntries(
  currentProgram.readiness.questions.map((q) => [q.key, "yes" as const]),
);
const noConcern = Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false]));

function startInput(overrides: Partial<StartJourneyInput["situation"]> = {}): StartJourneyInput {
  return {
    idempotencyKey: randomUUID(),
    readiness: readyAnswers,
    safety: noConcern,
    situation: {
      breakupDate: "2026-08-20",
      contactLevel: "none",
      exName: "Jordan",
      exPronouns: "they",
      ...overrides,
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

const step1 = currentProgram.steps[0];
const requiredOf = (n: number) =>
  (currentProgram.steps[n - 1]?.tasks ?? [])
    .filter((task) => task.required)
    .map((task) => task.key);

async function finishStep(caller: Caller, n: number) {
  for (const taskKey of requiredOf(n)) {
    await caller.steps.setTask({ stepNumber: n, taskKey, done: true });
  }
  const promptKey = currentProgram.steps[n - 1]?.reflectionPrompts[0]?.key ?? "";
  await caller.steps.addReflection({
    idempotencyKey: randomUUID(),
    stepNumber: n,
    promptKey,
    body: "It felt lighter than I feared.",
  });
}

describe("starting a journey", () => {
  it("records the situation, the readiness result and opens step 1 only", async () => {
    const { caller } = await signedInUser(t.db);
    const journey = await caller.journey.start(startInput());
    expect(journey.readinessResult).toBe("ready");
    expect(journey.safetyConcern).toBe(false);
    expect(journey.exName).toBe("Jordan");
    expect(journey.steps.map((s) => s.status)).toEqual([
      "open",
      "locked",
      "locked",
      "locked",
      "locked",
      "locked",
      "locked",
    ]);
    expect(await caller.journey.current()).toMatchObject({ id: journey.id });
  });

  it("makes one journey when the same submit arrives twice at once", async () => {
    const { caller, userId } = await signedInUser(t.db);
    const input = startInput();
    const [a, b] = await Promise.all([caller.journey.start(input), caller.journey.start(input)]);
    expect(a.id).toBe(b.id);
    const rows = await t.db.select().from(journeys).where(eq(journeys.userId, userId));
    expect(rows).toHaveLength(1);
  });

  it("refuses a second plan while one is in progress", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    expect(await codeOf(caller.journey.start(startInput()))).toBe("CONFLICT");
  });

  it("refuses a breakup date in the future, naming the field", async () => {
    const { caller } = await signedInUser(t.db);
    const error = await caller.journey
      .start(startInput({ breakupDate: "2999-01-01" }))
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("future");
    expect(await caller.journey.current()).toBeNull();
  });

  it("keeps a safety concern and a not-yet readiness honest", async () => {
    const { caller } = await signedInUser(t.db);
    const firstSafety = currentProgram.safety.questions[0]?.key ?? "";
    const notYet = Object.fromEntries(
      currentProgram.readiness.questions.map((q) => [q.key, "no" as const]),
    );
    const journey = await caller.journey.start({
      ...startInput(),
      readiness: notYet,
      safety: { ...noConcern, [firstSafety]: true },
    });
    expect(journey.readinessResult).toBe("not_yet");
    expect(journey.safetyConcern).toBe(true);
  });

  it("rejects answers to questions the check doesn't ask", async () => {
    const { caller } = await signedInUser(t.db);
    const input = startInput();
    expect(
      await codeOf(
        caller.journey.start({ ...input, readiness: { ...input.readiness, made_up: "yes" } }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("steps", () => {
  it("finish with the required tasks and one reflection, and open the next step", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    const required = requiredOf(1);
    for (const taskKey of required) {
      const view = await caller.steps.setTask({ stepNumber: 1, taskKey, done: true });
      expect(view.steps[0]?.status).toBe("open"); // no reflection yet
    }
    await finishStep(caller, 1);
    const journey = await caller.journey.current();
    expect(journey?.steps[0]?.status).toBe("done");
    expect(journey?.steps[1]?.status).toBe("open");
    expect(journey?.steps[2]?.status).toBe("locked");
  });

  it("stay locked until the one before is done", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    const taskKey = requiredOf(2)[0] ?? "";
    expect(await codeOf(caller.steps.setTask({ stepNumber: 2, taskKey, done: true }))).toBe(
      "FORBIDDEN",
    );
  });

  it("reopen when a required task is unticked, without locking later steps", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    await finishStep(caller, 1);
    const view = await caller.steps.setTask({
      stepNumber: 1,
      taskKey: requiredOf(1)[0] ?? "",
      done: false,
    });
    expect(view.steps[0]?.status).toBe("open");
    expect(view.steps[1]?.status).toBe("open");
  });

  it("can be reopened by hand", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    await finishStep(caller, 1);
    const view = await caller.steps.reopen({ stepNumber: 1 });
    expect(view.steps[0]?.status).toBe("open");
  });

  it("refuse a task that isn't part of the step", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    expect(
      await codeOf(caller.steps.setTask({ stepNumber: 1, taskKey: "no-such-task", done: true })),
    ).toBe("BAD_REQUEST");
  });

  it("save a double-tapped reflection once", async () => {
    const { caller, userId } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    const input = {
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: step1?.reflectionPrompts[0]?.key ?? "",
      body: "Once only.",
    };
    const [a, b] = await Promise.all([
      caller.steps.addReflection(input),
      caller.steps.addReflection(input),
    ]);
    expect(a.id).toBe(b.id);
    const rows = await t.db.select().from(reflections).where(eq(reflections.userId, userId));
    expect(rows).toHaveLength(1);
  });

  it("answer CONFLICT to a reflection saved from a stale version, keeping the first save", async () => {
    const { caller } = await signedInUser(t.db);
    await caller.journey.start(startInput());
    const created = await caller.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: step1?.reflectionPrompts[0]?.key ?? "",
      body: "First draft.",
    });
    await caller.steps.updateReflection({ id: created.id, version: 1, body: "From the phone." });
    expect(
      await codeOf(
        caller.steps.updateReflection({ id: created.id, version: 1, body: "From the laptop." }),
      ),
    ).toBe("CONFLICT");
    const [row] = await t.db.select().from(reflections).where(eq(reflections.id, created.id));
    expect(row?.body).toBe("From the phone.");
  });
});

describe("outcomes", () => {
  it("moving on ends the journey kindly, keeps it in history, and a new one can start", async () => {
    const { caller } = await signedInUser(t.db);
    const journey = await caller.journey.start(startInput());
    const ended = await caller.journey.recordOutcome({
      outcome: "moving_on",
      version: journey.version,
    });
    expect(ended.status).toBe("ended");
    expect(await caller.journey.current()).toBeNull();
    expect(await caller.journey.history()).toEqual([
      expect.objectContaining({ id: journey.id, outcome: "moving_on" }),
    ]);
    const next = await caller.journey.start(startInput({ exName: null, exPronouns: "she" }));
    expect(next.id).not.toBe(journey.id);
  });

  it("still working keeps the journey going", async () => {
    const { caller } = await signedInUser(t.db);
    const journey = await caller.journey.start(startInput());
    const saved = await caller.journey.recordOutcome({
      outcome: "still_working",
      version: journey.version,
    });
    expect(saved.status).toBe("active");
    expect(saved.outcome).toBe("still_working");
  });
});

describe("another person", () => {
  it("cannot touch the first one's reflections or memories, and sees no journey", async () => {
    const owner = await signedInUser(t.db);
    const journey = await owner.caller.journey.start(startInput());
    const reflection = await owner.caller.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: step1?.reflectionPrompts[0]?.key ?? "",
      body: "Only mine.",
    });
    const other = await signedInUser(t.db);
    expect(await other.caller.journey.current()).toBeNull();
    expect(
      await codeOf(
        other.caller.steps.updateReflection({ id: reflection.id, version: 1, body: "Not yours." }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(other.caller.steps.deleteReflection({ id: reflection.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(other.caller.journey.recordOutcome({ outcome: "moving_on", version: 1 })),
    ).toBe("NOT_FOUND");
    const [row] = await t.db
      .select()
      .from(reflections)
      .where(and(eq(reflections.id, reflection.id), eq(reflections.journeyId, journey.id)));
    expect(row?.body).toBe("Only mine.");
  });
});
