import type { JourneyView } from "@/lib/schemas/journey";
import {
  getProgram,
  getStep,
  isStepStalled,
  type Person,
  type StepNumber,
  type TaskFeature,
} from "./index";

/** Where a task's one-tap action leads, opened for its step, and what the link says. */
export function taskLink(feature: TaskFeature, stepNumber: number) {
  switch (feature) {
    case "contact":
      return { href: `/contacts/new?step=${stepNumber}`, label: "Log a contact" };
    case "journal":
      return { href: `/journal/new?step=${stepNumber}`, label: "Write in your journal" };
    case "draft":
      return { href: `/drafts/new?step=${stepNumber}`, label: "Write a draft" };
    case "memories":
      return { href: "#memories", label: "Add a memory" };
    case "outcome":
      return { href: "/plan/outcome", label: "Record where things stand" };
  }
}

/** Whom a journey's text speaks of. */
export function personOf(journey: Pick<JourneyView, "exName" | "exPronouns">): Person {
  return { name: journey.exName, pronouns: journey.exPronouns };
}

/** The step the person is on: the lowest one still open, else the last one done. */
export function currentStepNumber(journey: Pick<JourneyView, "steps">): StepNumber {
  const open = journey.steps.find((s) => s.status === "open");
  if (open) return open.number as StepNumber;
  const done = journey.steps.filter((s) => s.status === "done").at(-1);
  return (done?.number ?? 1) as StepNumber;
}

/**
 * The one thing to do next on a step: the first required task not yet ticked, then a
 * reflection, then (on step 7) recording how things stand.
 */
export function nextAction(journey: JourneyView, now = new Date()) {
  const number = currentStepNumber(journey);
  const program = getProgram(journey.programVersion);
  const step = getStep(program, number);
  const progress = journey.steps.find((s) => s.number === number);
  const since = progress?.lastActivityAt ?? progress?.openedAt ?? journey.createdAt;
  const idleDays = Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  const stalled = progress?.status === "open" && isStepStalled(step, idleDays, program);
  const task = step.tasks.find((t) => t.required && !progress?.tasksDone.includes(t.key));
  const label = task
    ? task.label
    : (progress?.reflectionCount ?? 0) === 0
      ? "Write a short reflection"
      : number === 7
        ? "Record where things stand"
        : "Look back over this step";
  return {
    step,
    number,
    label,
    stalled,
    href: number === 7 && !task ? "/plan/outcome" : `/plan/${number}`,
  };
}

export function overallProgress(journey: Pick<JourneyView, "steps">) {
  const done = journey.steps.filter((s) => s.status === "done").length;
  return { done, total: journey.steps.length, percent: Math.round((done / 7) * 100) };
}
