/**
 * The shape of the program's content. Every string a person reads is a Template (see
 * personalize.ts) and must be rendered with personalize() before it is shown. Keys and
 * slugs are stable identifiers stored with a journey: never rename one within a version.
 */
import type { Template } from "./personalize";

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The app feature a task's one-tap action opens. */
export type TaskFeature = "contact" | "draft" | "journal" | "memories" | "outcome";

/** Something the person did elsewhere in the app for a step (see notice.ts). */
export type Evidence =
  | "draft"
  | "contact"
  | "contact-mine"
  | "contact-theirs"
  | "journal"
  | "memory"
  | "memory-shared"
  | "reflection"
  | "outcome";

/** When doing `evidence` (at least `atLeast` times, 1 if not given) shows a task is done. */
export interface Notice {
  evidence: Evidence;
  atLeast?: number;
  /** For "reflection": the prompt whose answer counts. */
  prompt?: string;
  /** done: the task ticks itself. offer: one action can't tell, so the person is asked. */
  means: "done" | "offer";
}

export interface Task {
  /** Stable within a step, e.g. "send-hello". */
  key: string;
  label: Template;
  detail?: Template;
  /** Required tasks must all be ticked before the step counts as done. */
  required: boolean;
  feature?: TaskFeature;
  /** What, done elsewhere in the app, ticks this task or offers to (see notice.ts). */
  notices?: readonly Notice[];
}

export interface ReflectionPrompt {
  key: string;
  prompt: Template;
}

/** A question shown beside a draft message; `good` is the healthy answer. */
export interface DraftCheck {
  key: string;
  question: Template;
  good: "yes" | "no";
}

export interface Step {
  number: StepNumber;
  slug: string;
  title: Template;
  /** One line. */
  summary: Template;
  /** Two to four short paragraphs. */
  guidance: readonly Template[];
  tasks: readonly Task[];
  reflectionPrompts: readonly ReflectionPrompt[];
  /** Suggested days to spend on the step. */
  paceDays: number;
  /** One sentence: what "done" means for this step. */
  doneMeans: Template;
  /** Present on steps that have a message to draft (1, 2 and 6 in version 1). */
  draftChecks?: readonly DraftCheck[];
  /** One gentle next action, shown when the step has stalled (see isStepStalled). */
  stalledNudge: Template;
}

// Step 0: readiness.

export type ReadinessAnswer = "yes" | "not_sure" | "no";
export const READINESS_ANSWER_VALUES = [
  "yes",
  "not_sure",
  "no",
] as const satisfies readonly ReadinessAnswer[];

export interface ReadinessQuestion {
  key: string;
  question: Template;
  /** A line under the question to help answer it honestly. */
  hint: Template;
  /** A "no" to a core question means "not yet" on its own. */
  core: boolean;
}

export type ReadinessResult = "ready" | "unsure" | "not_yet";

export interface ReadinessVerdict {
  result: ReadinessResult;
  headline: Template;
  body: Template;
}

export interface ReadinessContent {
  title: Template;
  intro: Template;
  questions: readonly ReadinessQuestion[];
  answerLabels: Record<ReadinessAnswer, Template>;
  results: Record<ReadinessResult, { headline: Template; body: Template }>;
  /** Shown with every result: the user may retake the check and keeps the final say. */
  finalSay: Template;
}

// Step 0: safety.

export interface SafetyQuestion {
  key: string;
  question: Template;
}

export interface Helpline {
  /** Where it serves, e.g. "United States", "Worldwide". */
  region: string;
  name: string;
  /** Who it is for, when that is narrower than everyone. */
  for?: string;
  phone?: string;
  /** How to reach it by text message, e.g. "Text START to 88788". */
  text?: string;
  url?: string;
}

export interface SafetyContent {
  title: Template;
  intro: Template;
  questions: readonly SafetyQuestion[];
  concern: {
    title: Template;
    /** Why Rekindle won't encourage reconnecting. */
    why: readonly Template[];
    dangerNow: Template;
    helpIntro: Template;
    helplines: readonly Helpline[];
    /** Where to look when none of the helplines covers the user's country. */
    elsewhere: Template;
    movingOn: {
      title: Template;
      body: readonly Template[];
      suggestions: readonly Template[];
    };
    finalSay: Template;
  };
}

// Step 1 advice.

export type ContactLevel = "none" | "occasional" | "regular";
export const CONTACT_LEVEL_VALUES = [
  "none",
  "occasional",
  "regular",
] as const satisfies readonly ContactLevel[];

export type TimeApart = "short" | "medium" | "long";
export const TIME_APART_VALUES = [
  "short",
  "medium",
  "long",
] as const satisfies readonly TimeApart[];

export interface Step1AdviceContent {
  /** Upper bounds, in days, of the short and medium bands. */
  bands: { shortMaxDays: number; mediumMaxDays: number };
  advice: Record<ContactLevel, Record<TimeApart, Step1Advice>>;
}

export interface Step1Advice {
  headline: Template;
  body: readonly Template[];
}

// Outcomes.

export type Outcome = "back_together" | "still_working" | "moving_on";
export const OUTCOME_VALUES = [
  "back_together",
  "still_working",
  "moving_on",
] as const satisfies readonly Outcome[];

export interface OutcomeContent {
  title: Template;
  message: Template;
}

export interface Program {
  version: number;
  readiness: ReadinessContent;
  safety: SafetyContent;
  steps: readonly Step[];
  step1Advice: Step1AdviceContent;
  outcomes: Record<Outcome, OutcomeContent>;
  /** A step counts as stalled after this many times its paceDays with no activity. */
  stallFactor: number;
}
