import { describe, expect, it } from "vitest";
import { allPrograms, PRONOUN_VALUES, personalize } from "@/lib/program";
import { NO_EVIDENCE, noticeTasks, type StepEvidence, tasksDoneBy } from "@/lib/program/notice";

const step = (n: number) => {
  const found = allPrograms()[0]?.steps.find((s) => s.number === n);
  if (!found) throw new Error(`no step ${n}`);
  return found;
};
const did = (evidence: Partial<StepEvidence>): StepEvidence => ({ ...NO_EVIDENCE, ...evidence });

describe("what the plan notices", () => {
  for (const program of allPrograms()) {
    it(`v${program.version}: every task tied to a feature says what shows it done`, () => {
      for (const s of program.steps) {
        for (const task of s.tasks) {
          if (task.feature)
            expect(task.notices?.length ?? 0, `${s.number}/${task.key}`).toBeGreaterThan(0);
          for (const notice of task.notices ?? []) {
            if (notice.evidence === "reflection") {
              // A reflection notice names one of the step's own prompts.
              expect(
                s.reflectionPrompts.map((p) => p.key),
                `${s.number}/${task.key}`,
              ).toContain(notice.prompt);
            }
          }
        }
      }
    });
  }

  it("ticks step 1's opener and draft for a saved draft, and the hello for a contact the person started", () => {
    expect(tasksDoneBy(step(1), did({ drafts: 1 }))).toEqual(["choose-opener", "draft-hello"]);
    expect(tasksDoneBy(step(1), did({ contactsMine: 1 }))).toEqual(["choose-opener", "send-hello"]);
  });

  it("only offers what one action can't tell apart", () => {
    const seen = noticeTasks(step(1), did({ contactsTheirs: 1 }));
    expect(seen.get("send-hello")?.means).toBe("offer");
    expect(tasksDoneBy(step(1), did({ contactsTheirs: 1 }))).toEqual([]);
    // Two journal tasks on step 2: an entry offers both, a reflection on one prompt ticks one.
    expect(tasksDoneBy(step(2), did({ entries: 1 }))).toEqual([]);
    expect(noticeTasks(step(2), did({ entries: 1 })).size).toBe(2);
    expect(tasksDoneBy(step(2), did({ reflections: ["my-part"] }))).toEqual(["own-my-part"]);
    // Step 5's ask and its answer are both contacts: offered, never ticked.
    expect(tasksDoneBy(step(5), did({ contactsMine: 3, contactsTheirs: 3 }))).toEqual([]);
  });

  it("waits for enough: five memories, two shared", () => {
    expect(tasksDoneBy(step(4), did({ memories: 4 }))).toEqual([]);
    expect(tasksDoneBy(step(4), did({ memories: 5, memoriesShared: 2 }))).toEqual([
      "collect-memories",
      "share-a-memory",
      "share-another",
    ]);
  });

  it("ticks step 7's last task when an outcome is recorded", () => {
    expect(tasksDoneBy(step(7), did({ outcome: true }))).toEqual(["record-outcome"]);
  });

  it("says what it saw in words that fit every pronoun", () => {
    const seen = noticeTasks(step(1), did({ contactsTheirs: 1 }));
    const reason = seen.get("send-hello")?.reason ?? "";
    for (const pronouns of PRONOUN_VALUES) {
      expect(personalize(reason, { name: null, pronouns })).toMatch(
        /^You logged a contact \w+ started\.$/,
      );
    }
    expect(personalize(reason, { name: "Riley", pronouns: "he" })).toBe(
      "You logged a contact Riley started.",
    );
    expect(
      noticeTasks(step(1), did({ contactsMine: 1, contactsTheirs: 1 })).get("keep-it-light")
        ?.reason,
    ).toBe("You logged 2 contacts for this step.");
  });
});
