import { describe, expect, it } from "vitest";
import { currentProgram } from "@/lib/program";
import { currentStepNumber, nextAction, overallProgress } from "@/lib/program/view";
import type { JourneyView } from "@/lib/schemas/journey";

const day = 86_400_000;
const start = new Date("2026-10-01T09:00:00Z");

function journey(steps: Partial<JourneyView["steps"][number]>[]): JourneyView {
  return {
    id: "j",
    programVersion: 1,
    status: "active",
    breakupDate: "2026-09-01",
    contactLevel: "none",
    exName: "Sam",
    exPronouns: "she",
    readinessResult: "ready",
    safetyConcern: false,
    outcome: null,
    outcomeNote: null,
    createdAt: start,
    endedAt: null,
    version: 1,
    steps: [1, 2, 3, 4, 5, 6, 7].map((number, i) => ({
      number,
      status: "locked",
      openedAt: null,
      completedAt: null,
      lastActivityAt: null,
      tasksDone: [],
      reflectionCount: 0,
      ...steps[i],
    })),
  };
}

const step1 = currentProgram.steps[0];
const required1 = step1?.tasks.filter((t) => t.required).map((t) => t.key) ?? [];

describe("the next action", () => {
  it("is the first required task not yet done on the lowest open step", () => {
    const j = journey([{ status: "open", openedAt: start, tasksDone: [required1[0] ?? ""] }]);
    const next = nextAction(j, new Date(start.getTime() + day));
    expect(next.number).toBe(1);
    expect(next.label).toBe(step1?.tasks.find((t) => t.key === required1[1])?.label);
    expect(next.href).toBe("/plan/1");
  });

  it("asks for a reflection once the tasks are done", () => {
    const j = journey([{ status: "open", openedAt: start, tasksDone: required1 }]);
    expect(nextAction(j, start).label).toBe("Write a short reflection");
  });

  it("moves on to the next open step when one is done", () => {
    const j = journey([
      { status: "done", openedAt: start, completedAt: start },
      { status: "open", openedAt: start },
    ]);
    expect(currentStepNumber(j)).toBe(2);
    expect(overallProgress(j)).toEqual({ done: 1, total: 7, percent: 14 });
  });

  it("offers to record where things stand at the end of step 7", () => {
    const required7 = currentProgram.steps[6]?.tasks.filter((t) => t.required).map((t) => t.key);
    const done = { status: "done" as const, openedAt: start, completedAt: start };
    const j = journey([
      done,
      done,
      done,
      done,
      done,
      done,
      { status: "open", openedAt: start, tasksDone: required7, reflectionCount: 1 },
    ]);
    expect(nextAction(j, start).href).toBe("/plan/outcome");
  });
});

describe("a stalled step", () => {
  const pace = step1?.paceDays ?? 7;

  it("is not stalled just under twice its pace without activity", () => {
    const j = journey([{ status: "open", openedAt: start }]);
    expect(nextAction(j, new Date(start.getTime() + (2 * pace - 1) * day)).stalled).toBe(false);
  });

  it("is stalled at twice its pace without activity", () => {
    const j = journey([{ status: "open", openedAt: start }]);
    expect(nextAction(j, new Date(start.getTime() + 2 * pace * day)).stalled).toBe(true);
  });

  it("counts from the latest activity, not from when it opened", () => {
    const recent = new Date(start.getTime() + 2 * pace * day);
    const j = journey([{ status: "open", openedAt: start, lastActivityAt: recent }]);
    expect(nextAction(j, new Date(recent.getTime() + day)).stalled).toBe(false);
  });
});
