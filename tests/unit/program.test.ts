import { describe, expect, it } from "vitest";
import {
  allPrograms,
  assessSafety,
  CONTACT_LEVEL_VALUES,
  currentProgram,
  getOutcome,
  getProgram,
  getStep,
  isStepStalled,
  OUTCOME_VALUES,
  type Person,
  PROGRAM_VERSION,
  PRONOUN_VALUES,
  type Program,
  personalize,
  personalizeDeep,
  type ReadinessAnswer,
  scoreReadiness,
  step1Advice,
  TIME_APART_VALUES,
  timeApartBand,
} from "@/lib/program";

/** Every string in a value, with the path it was found at. */
function strings(value: unknown, path = ""): Array<{ path: string; text: string }> {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

const people: Person[] = PRONOUN_VALUES.flatMap((pronouns) => [
  { name: "Sam", pronouns },
  { name: null, pronouns },
]);

const programs = allPrograms();

describe("program registry", () => {
  it("serves the current version and every published one", () => {
    expect(PROGRAM_VERSION).toBe(1);
    expect(getProgram(PROGRAM_VERSION)).toBe(currentProgram);
    expect(currentProgram.version).toBe(PROGRAM_VERSION);
    for (const program of programs) expect(getProgram(program.version)).toBe(program);
    expect(() => getProgram(0)).toThrow(RangeError);
    expect(() => getProgram(99)).toThrow(RangeError);
  });
});

describe.each(programs.map((p) => [p.version, p] as const))(
  "program v%i",
  (_v, program: Program) => {
    const all = strings(program);

    it("has text to check", () => {
      expect(all.length).toBeGreaterThan(150);
    });

    it("renders every string for every pronoun set, with and without a name", () => {
      for (const person of people) {
        for (const { path, text } of all) {
          let out = "";
          expect(() => {
            out = personalize(text, person);
          }, path).not.toThrow();
          expect(out, path).not.toMatch(/[{}]/);
          expect(out.trim(), path).not.toBe("");
        }
        // The whole tree too, as the UI will do it.
        expect(() => personalizeDeep(program, person)).not.toThrow();
      }
    });

    it("never names the ex with a literal pronoun or gendered word", () => {
      const forbidden =
        /\b(he|she|him|her|his|hers|himself|herself|they|them|their|theirs|themselves|boyfriend|girlfriend|husband|wife)\b/i;
      // Keys, slugs, links and what a task notices are identifiers, never read as prose.
      const prose = all.filter(
        ({ path }) => !/\.(key|slug|url)$|\.notices\[\d+\]\.\w+$/.test(path),
      );
      const offenders = prose.filter(({ text }) => forbidden.test(text.replace(/\{[^{}]*\}/g, "")));
      expect(offenders).toEqual([]);
    });

    it("uses subject and object tokens in the right places", () => {
      const mistakes = [
        // A subject form after a word that takes an object: "with she", "letting he".
        /\b(with|to|for|about|of|at|from|let|letting|give|tell|thank|ask|than|like|by|you and|you or) \{(ex|they)\}/i,
        // An object or possessive form that a verb then agrees with: "him is".
        /\{(ex:them|ex:their|them|their|theirs|themselves)\} \{[a-z']+(\/[a-z']+)?\}/i,
        // A question that puts a verb before the subject: "has they", "is she".
        /\b(is|are|was|were|has|have|does|do|isn't|aren't|doesn't|don't) \{(ex|they)\}/i,
      ];
      const offenders = all.filter(({ text }) => mistakes.some((m) => m.test(text)));
      expect(offenders).toEqual([]);
    });

    it("has no doubled spaces or space before punctuation once rendered", () => {
      for (const person of people) {
        for (const { path, text } of all) {
          const out = personalize(text, person);
          expect(out, path).not.toMatch(/ {2}| [.,;:?!]/);
        }
      }
    });

    it("has seven steps numbered 1..7 in order with unique slugs", () => {
      expect(program.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const slugs = program.steps.map((s) => s.slug);
      expect(new Set(slugs).size).toBe(7);
      for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it.each([1, 2, 3, 4, 5, 6, 7] as const)("step %i is complete", (n) => {
      const step = getStep(program, n);
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.summary.length).toBeGreaterThan(0);
      expect(step.guidance.length).toBeGreaterThanOrEqual(2);
      expect(step.guidance.length).toBeLessThanOrEqual(4);

      expect(step.tasks.length).toBeGreaterThanOrEqual(3);
      expect(step.tasks.length).toBeLessThanOrEqual(5);
      expect(step.tasks.filter((t) => t.required).length).toBeGreaterThanOrEqual(3);
      const taskKeys = step.tasks.map((t) => t.key);
      expect(new Set(taskKeys).size).toBe(taskKeys.length);
      for (const key of taskKeys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);

      expect(step.reflectionPrompts.length).toBeGreaterThanOrEqual(2);
      expect(step.reflectionPrompts.length).toBeLessThanOrEqual(3);
      const promptKeys = step.reflectionPrompts.map((p) => p.key);
      expect(new Set(promptKeys).size).toBe(promptKeys.length);

      expect(Number.isInteger(step.paceDays)).toBe(true);
      expect(step.paceDays).toBeGreaterThan(0);
      expect(step.doneMeans.length).toBeGreaterThan(0);
      expect(step.stalledNudge.length).toBeGreaterThan(0);

      for (const check of step.draftChecks ?? []) {
        expect(["yes", "no"]).toContain(check.good);
      }
      const checkKeys = (step.draftChecks ?? []).map((c) => c.key);
      expect(new Set(checkKeys).size).toBe(checkKeys.length);
    });

    it("offers each step's one-tap actions where they belong", () => {
      const features = (n: 1 | 2 | 3 | 4 | 5 | 6 | 7) =>
        new Set(getStep(program, n).tasks.flatMap((t) => (t.feature ? [t.feature] : [])));
      expect(features(1)).toContain("draft");
      expect(features(1)).toContain("contact");
      expect(features(2)).toContain("journal");
      expect(features(4)).toContain("memories");
      expect(features(6)).toContain("draft");
      expect(features(7)).toContain("contact");
    });

    it("has readiness and safety questions in range, with unique keys", () => {
      const rq = program.readiness.questions;
      expect(rq.length).toBeGreaterThanOrEqual(4);
      expect(rq.length).toBeLessThanOrEqual(6);
      expect(new Set(rq.map((q) => q.key)).size).toBe(rq.length);
      const sq = program.safety.questions;
      expect(sq.length).toBeGreaterThanOrEqual(3);
      expect(sq.length).toBeLessThanOrEqual(4);
      expect(new Set(sq.map((q) => q.key)).size).toBe(sq.length);
    });

    it("lists helplines with a way to reach each one", () => {
      const { helplines } = program.safety.concern;
      expect(helplines.length).toBeGreaterThanOrEqual(3);
      for (const h of helplines) {
        expect(h.phone ?? h.text ?? h.url, h.name).toBeTruthy();
        if (h.url !== undefined) expect(h.url).toMatch(/^https:\/\//);
      }
      expect(program.safety.concern.dangerNow).toMatch(/emergency number/);
      expect(program.safety.concern.movingOn.suggestions.length).toBeGreaterThanOrEqual(3);
      expect(program.safety.concern.movingOn.suggestions.length).toBeLessThanOrEqual(4);
    });
  },
);

describe("v1 content details", () => {
  const program = getProgram(1);

  it("has the product's step titles", () => {
    const person: Person = { name: "Sam", pronouns: "they" };
    expect(program.steps.map((s) => personalize(s.title, person))).toEqual([
      "Reconnect",
      "Talk about what happened",
      "Light the spark again",
      "Remind them of the good times",
      "One date, no strings",
      "Put the option out there",
      "Let them come to you",
    ]);
  });

  it("keeps the name out of step titles, so they are safe to show a buddy", () => {
    const person: Person = { name: "Sam", pronouns: "she" };
    for (const step of program.steps) expect(personalize(step.title, person)).not.toMatch(/Sam/);
    expect(personalize(getStep(program, 4).title, person)).toBe("Remind her of the good times");
  });

  it("has draft checks on steps 1, 2 and 6 only, with the healthy answers", () => {
    const withChecks = program.steps.filter((s) => s.draftChecks !== undefined);
    expect(withChecks.map((s) => s.number)).toEqual([1, 2, 6]);
    const good = (n: 1 | 2 | 6) =>
      Object.fromEntries((getStep(program, n).draftChecks ?? []).map((c) => [c.key, c.good]));
    expect(good(1)).toMatchObject({ "short-and-light": "yes", "asks-for-nothing": "yes" });
    expect(good(2)).toMatchObject({
      blames: "no",
      "asks-for-apology": "no",
      "owns-my-part": "yes",
    });
    expect(good(6)).toMatchObject({
      "low-pressure": "yes",
      "choice-with-them": "yes",
      "easy-to-say-no": "yes",
    });
  });

  it("keeps stable task keys the app links to", () => {
    expect(getStep(program, 1).tasks.map((t) => t.key)).toContain("send-hello");
    expect(getStep(program, 7).tasks.map((t) => t.key)).toContain("record-outcome");
  });

  it("renders a step for a person", () => {
    const step = personalizeDeep(getStep(program, 6), { name: null, pronouns: "he" });
    expect(step.draftChecks?.map((c) => c.question)).toContain("Could he say no easily?");
    expect(step.guidance.join(" ")).toMatch(/the less pressure he feels, the freer he is/i);
  });
});

describe("scoreReadiness", () => {
  const keys = currentProgram.readiness.questions.map((q) => q.key);
  const all = (answer: ReadinessAnswer) => Object.fromEntries(keys.map((k) => [k, answer]));
  const withAnswers = (base: ReadinessAnswer, overrides: Record<string, ReadinessAnswer>) => ({
    ...all(base),
    ...overrides,
  });

  it("is ready when every answer is yes, or only one is unsure", () => {
    expect(scoreReadiness(all("yes")).result).toBe("ready");
    expect(scoreReadiness(withAnswers("yes", { "own-my-part": "not_sure" })).result).toBe("ready");
  });

  it("is unsure with two unsure answers, or one no on a question that is not core", () => {
    expect(
      scoreReadiness(withAnswers("yes", { "own-my-part": "not_sure", "for-us": "not_sure" }))
        .result,
    ).toBe("unsure");
    expect(scoreReadiness(withAnswers("yes", { "something-changed": "no" })).result).toBe("unsure");
    expect(scoreReadiness(all("not_sure")).result).toBe("unsure");
  });

  it("is not yet with a no on a core question, or two noes", () => {
    expect(scoreReadiness(withAnswers("yes", { "right-reasons": "no" })).result).toBe("not_yet");
    expect(scoreReadiness(withAnswers("yes", { "either-answer": "no" })).result).toBe("not_yet");
    expect(
      scoreReadiness(withAnswers("yes", { "own-my-part": "no", "something-changed": "no" })).result,
    ).toBe("not_yet");
    expect(scoreReadiness(all("no")).result).toBe("not_yet");
  });

  it("counts missing answers as not sure", () => {
    expect(scoreReadiness({}).result).toBe("unsure");
    const { "for-us": _skipped, ...rest } = all("yes");
    expect(scoreReadiness(rest).result).toBe("ready");
  });

  it("returns the kind text for each result", () => {
    for (const answer of ["yes", "not_sure", "no"] as const) {
      const verdict = scoreReadiness(all(answer));
      const content = currentProgram.readiness.results[verdict.result];
      expect(verdict.headline).toBe(content.headline);
      expect(verdict.body).toBe(content.body);
    }
    expect(currentProgram.readiness.results.not_yet.body).toMatch(/again whenever you like/);
    expect(currentProgram.readiness.finalSay).toMatch(/decision is yours/);
  });

  it("marks the reasons and either-answer questions as core", () => {
    const core = currentProgram.readiness.questions.filter((q) => q.core).map((q) => q.key);
    expect(core).toEqual(["right-reasons", "either-answer"]);
  });
});

describe("assessSafety", () => {
  const keys = currentProgram.safety.questions.map((q) => q.key);
  const none = Object.fromEntries(keys.map((k) => [k, false]));

  it("raises no concern when every answer is no", () => {
    expect(assessSafety(none)).toEqual({ concern: false });
  });

  it.each(keys)("raises a concern when %s is yes", (key) => {
    expect(assessSafety({ ...none, [key]: true })).toEqual({ concern: true });
  });

  it("ignores keys that are not questions, and unanswered questions", () => {
    expect(assessSafety({ unrelated: true })).toEqual({ concern: false });
    expect(assessSafety({})).toEqual({ concern: false });
  });
});

describe("step1Advice", () => {
  const days = { short: 10, medium: 90, long: 400 } as const;

  it("bands time apart at about one and six months", () => {
    expect(timeApartBand(0)).toBe("short");
    expect(timeApartBand(-5)).toBe("short");
    expect(timeApartBand(30)).toBe("short");
    expect(timeApartBand(31)).toBe("medium");
    expect(timeApartBand(182)).toBe("medium");
    expect(timeApartBand(183)).toBe("long");
    expect(timeApartBand(Number.NaN)).toBe("medium");
  });

  it("gives a distinct headline for every contact level and time band", () => {
    const headlines = new Set<string>();
    for (const contact of CONTACT_LEVEL_VALUES) {
      for (const band of TIME_APART_VALUES) {
        const advice = step1Advice({ daysSinceBreakup: days[band], contact });
        expect(advice.headline.length).toBeGreaterThan(0);
        expect(advice.body.length).toBeGreaterThanOrEqual(2);
        headlines.add(advice.headline);
      }
    }
    expect(headlines.size).toBe(9);
  });

  const render = (advice: { headline: string; body: readonly string[] }) =>
    personalize([advice.headline, ...advice.body].join(" "), { name: "Sam", pronouns: "she" });

  it.each(TIME_APART_VALUES)(
    "with no contact (%s apart) suggests a simple hello or a meme",
    (band) => {
      const text = render(step1Advice({ daysSinceBreakup: days[band], contact: "none" }));
      expect(text).toMatch(/hi by text/);
      expect(text).toMatch(/meme/);
      expect(text).toMatch(/conversation going again/);
    },
  );

  it.each(TIME_APART_VALUES)("with occasional contact (%s apart) builds on the thread", (band) => {
    const text = render(step1Advice({ daysSinceBreakup: days[band], contact: "occasional" }));
    expect(text).toMatch(/thread/);
    expect(text).not.toMatch(/meme/);
  });

  it.each(TIME_APART_VALUES)(
    "with regular contact (%s apart) keeps it warm and looks to step 2",
    (band) => {
      const text = render(step1Advice({ daysSinceBreakup: days[band], contact: "regular" }));
      expect(text).toMatch(/already talking/);
      expect(text).toMatch(/unhurried/);
      expect(text).toMatch(/step 2/);
    },
  );

  it.each(CONTACT_LEVEL_VALUES)("adapts to time apart (%s contact)", (contact) => {
    const short = render(step1Advice({ daysSinceBreakup: days.short, contact }));
    const medium = render(step1Advice({ daysSinceBreakup: days.medium, contact }));
    const long = render(step1Advice({ daysSinceBreakup: days.long, contact }));
    expect(short).toMatch(/recent/);
    expect(medium).toMatch(/settle into life apart/);
    expect(long).toMatch(/patient/);
    expect(long).toMatch(/Step 3/);
    expect(long).toMatch(/drift forever/);
    expect(new Set([short, medium, long]).size).toBe(3);
  });

  it("warns that a long silence needs patience but no rush", () => {
    for (const contact of ["none", "occasional"] as const) {
      const long = render(step1Advice({ daysSinceBreakup: days.long, contact }));
      expect(long).toContain("Sam may have built a different life");
      expect(long).toMatch(/don't rush/);
    }
  });
});

describe("pacing and outcomes", () => {
  it("nudges after twice a step's pace with no activity", () => {
    const step = getStep(currentProgram, 1);
    expect(isStepStalled(step, step.paceDays * 2 - 1)).toBe(false);
    expect(isStepStalled(step, step.paceDays * 2)).toBe(true);
  });

  it("keeps suggested paces sensible", () => {
    for (const step of currentProgram.steps) {
      expect(step.paceDays).toBeGreaterThanOrEqual(3);
      expect(step.paceDays).toBeLessThanOrEqual(14);
    }
  });

  it("has a title and a kind message for each outcome", () => {
    for (const outcome of OUTCOME_VALUES) {
      const content = getOutcome(outcome);
      expect(content.title.length).toBeGreaterThan(0);
      expect(content.message.length).toBeGreaterThan(0);
    }
    expect(getOutcome("moving_on").message).toMatch(/not a failure/);
    expect(getOutcome("moving_on").message).toMatch(/new journey/);
  });
});
