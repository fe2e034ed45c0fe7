/**
 * The program: versioned content plus the pure rules that read it. A journey records the
 * version it started on and always reads its content through getProgram(version), so later
 * edits in a new version never change anyone's progress. Everything here is plain data and
 * pure functions, safe to import from server and client code alike.
 *
 * All text is made of templates: render it with personalize() (or personalizeDeep()).
 */

import type { Template } from "./personalize";
import { readinessVerdict, safetyConcern } from "./step0";
import type {
  ContactLevel,
  Outcome,
  OutcomeContent,
  Program,
  ReadinessAnswer,
  ReadinessVerdict,
  Step,
  StepNumber,
  TimeApart,
} from "./types";
import { programV1 } from "./v1";

export * from "./personalize";
export * from "./step0";
export * from "./types";

const programs = { 1: programV1 } as const satisfies Record<number, Program>;

export type ProgramVersion = keyof typeof programs;

/** The version new journeys start on. */
export const PROGRAM_VERSION = 1 satisfies ProgramVersion;

export const currentProgram: Program = programs[PROGRAM_VERSION];

export function isProgramVersion(version: number): version is ProgramVersion {
  return Object.hasOwn(programs, version);
}

/** Every version, oldest first. */
export function allPrograms(): Program[] {
  return Object.values(programs);
}

/** The content a journey started on. Throws for a version that was never published. */
export function getProgram(version: number): Program {
  if (!isProgramVersion(version)) throw new RangeError(`Unknown program version ${version}`);
  return programs[version];
}

/** One of the seven steps. Throws if the program has no such step. */
export function getStep(program: Program, number: StepNumber): Step {
  const step = program.steps.find((s) => s.number === number);
  if (step === undefined) {
    throw new RangeError(`Program v${program.version} has no step ${number}`);
  }
  return step;
}

/** Step 0's self-check (see readinessVerdict), on a version's content. */
export function scoreReadiness(
  answers: Readonly<Record<string, ReadinessAnswer | undefined>>,
  program: Program = currentProgram,
): ReadinessVerdict {
  return readinessVerdict(answers, program.readiness);
}

/** Step 0's safety screen (see safetyConcern), on a version's content. */
export function assessSafety(
  answers: Readonly<Record<string, boolean | undefined>>,
  program: Program = currentProgram,
): { concern: boolean } {
  return { concern: safetyConcern(answers, program.safety) };
}

/**
 * How long the two have been apart, as a band: short (up to about a month), medium (up to
 * about six months) or long. A negative count is treated as 0; a count that is not a number
 * as medium.
 */
export function timeApartBand(
  daysSinceBreakup: number,
  program: Program = currentProgram,
): TimeApart {
  if (Number.isNaN(daysSinceBreakup)) return "medium";
  const { shortMaxDays, mediumMaxDays } = program.step1Advice.bands;
  if (daysSinceBreakup <= shortMaxDays) return "short";
  if (daysSinceBreakup <= mediumMaxDays) return "medium";
  return "long";
}

/** Step 1's advice for the user's situation: templates, to render with personalize(). */
export function step1Advice(
  situation: { daysSinceBreakup: number; contact: ContactLevel },
  program: Program = currentProgram,
): { headline: Template; body: Template[] } {
  const band = timeApartBand(situation.daysSinceBreakup, program);
  const advice = program.step1Advice.advice[situation.contact][band];
  return { headline: advice.headline, body: [...advice.body] };
}

/** Days with no activity after which a step counts as stalled: stallFactor × paceDays. */
export function stallAfterDays(step: Pick<Step, "paceDays">, program: Program = currentProgram) {
  return step.paceDays * program.stallFactor;
}

/** True when a step has had no activity for twice its pace (the stalled nudge is due). */
export function isStepStalled(
  step: Pick<Step, "paceDays">,
  daysSinceActivity: number,
  program: Program = currentProgram,
): boolean {
  return daysSinceActivity >= stallAfterDays(step, program);
}

export function getOutcome(outcome: Outcome, program: Program = currentProgram): OutcomeContent {
  return program.outcomes[outcome];
}
