/**
 * The plan notices what the person did elsewhere in the app: a draft saved for a step, a
 * contact logged for it, a journal entry, a memory, a reflection, an outcome. Each task
 * says in the program's content (`Task.notices`) which of these shows it is done:
 *  - "done": the one action is the task, so the task ticks itself when it happens;
 *  - "offer": one action could mean this task or another, so the step page says what it saw
 *    and leaves the tick to the person.
 * Noticing only ever adds a tick: a tick the person made (or took away) is theirs.
 */
import type { Template } from "./personalize";
import type { Notice, Step } from "./types";

/** What was done for one step of a journey, counted from the person's own rows. */
export interface StepEvidence {
  /** Drafts saved for the step and not discarded. */
  drafts: number;
  /** Contacts logged for the step, by who started them. */
  contactsMine: number;
  contactsTheirs: number;
  /** Journal entries tied to the step. */
  entries: number;
  /** Good memories written down in this journey, and how many of them were shared. */
  memories: number;
  memoriesShared: number;
  /** The reflection prompts of the step that have an answer. */
  reflections: string[];
  /** An outcome has been recorded for the journey. */
  outcome: boolean;
}

export const NO_EVIDENCE: StepEvidence = {
  drafts: 0,
  contactsMine: 0,
  contactsTheirs: 0,
  entries: 0,
  memories: 0,
  memoriesShared: 0,
  reflections: [],
  outcome: false,
};

export interface Noticed {
  means: Notice["means"];
  /** What the person did, in one sentence, to render with personalize(). */
  reason: Template;
}

function amount(notice: Notice, e: StepEvidence): number {
  switch (notice.evidence) {
    case "draft":
      return e.drafts;
    case "contact":
      return e.contactsMine + e.contactsTheirs;
    case "contact-mine":
      return e.contactsMine;
    case "contact-theirs":
      return e.contactsTheirs;
    case "journal":
      return e.entries;
    case "memory":
      return e.memories;
    case "memory-shared":
      return e.memoriesShared;
    case "reflection":
      return notice.prompt !== undefined && e.reflections.includes(notice.prompt) ? 1 : 0;
    case "outcome":
      return e.outcome ? 1 : 0;
  }
}

/** One sentence saying what the person did; `n` is the count that met the notice. */
function reasonFor(notice: Notice, n: number): Template {
  switch (notice.evidence) {
    case "draft":
      return "You saved a draft for this step.";
    case "contact":
      return n === 1
        ? "You logged a contact for this step."
        : `You logged ${n} contacts for this step.`;
    case "contact-mine":
      return "You logged a contact you started.";
    case "contact-theirs":
      return "You logged a contact {ex} started.";
    case "journal":
      return "You wrote in your journal for this step.";
    case "memory":
      return n === 1 ? "You wrote down a good memory." : `You wrote down ${n} good memories.`;
    case "memory-shared":
      return n === 1 ? "You marked a memory as shared." : `You marked ${n} memories as shared.`;
    case "reflection":
      return "You wrote about it in a reflection below.";
    case "outcome":
      return "You recorded where things stand.";
  }
}

/**
 * What the evidence says about each task of a step: `done` wins over `offer`, and within
 * each the first notice listed that is met gives the reason. Tasks with nothing met are
 * left out.
 */
export function noticeTasks(step: Pick<Step, "tasks">, evidence: StepEvidence) {
  const noticed = new Map<string, Noticed>();
  for (const task of step.tasks) {
    const met = (task.notices ?? [])
      .map((notice) => ({ notice, n: amount(notice, evidence) }))
      .filter(({ notice, n }) => n >= (notice.atLeast ?? 1));
    const best = met.find(({ notice }) => notice.means === "done") ?? met[0];
    if (best) {
      noticed.set(task.key, { means: best.notice.means, reason: reasonFor(best.notice, best.n) });
    }
  }
  return noticed;
}

/** The keys of the tasks the evidence shows are done: the ones to tick. */
export function tasksDoneBy(step: Pick<Step, "tasks">, evidence: StepEvidence): string[] {
  return [...noticeTasks(step, evidence)]
    .filter(([, noticed]) => noticed.means === "done")
    .map(([key]) => key);
}
