import { describe, expect, it } from "vitest";
import { allPrograms, type Person, PRONOUN_VALUES, personalize } from "@/lib/program";

/**
 * Subject–verb agreement for he, she and they, checked on the rendered text. He, she and
 * they are always subjects in English, so the word after one (or before one, in a question)
 * tells whether the verb agrees. A literal verb after {ex} or {they} in a template is wrong
 * for one pronoun set or the other, so rendering every set finds it.
 */

// Forms that only fit he or she, and their partners that only fit they.
const AUXILIARIES: readonly (readonly [plural: string, singular: string])[] = [
  ["are", "is"],
  ["were", "was"],
  ["have", "has"],
  ["do", "does"],
  ["aren't", "isn't"],
  ["weren't", "wasn't"],
  ["haven't", "hasn't"],
  ["don't", "doesn't"],
];

// Present-tense verbs a plan for reconnecting is likely to use, as [they, he/she] forms.
const COMMON_VERBS: readonly (readonly [string, string])[] = [
  ["answer", "answers"],
  ["ask", "asks"],
  ["call", "calls"],
  ["care", "cares"],
  ["change", "changes"],
  ["choose", "chooses"],
  ["come", "comes"],
  ["decide", "decides"],
  ["feel", "feels"],
  ["get", "gets"],
  ["give", "gives"],
  ["go", "goes"],
  ["hear", "hears"],
  ["hope", "hopes"],
  ["know", "knows"],
  ["lead", "leads"],
  ["like", "likes"],
  ["listen", "listens"],
  ["love", "loves"],
  ["make", "makes"],
  ["mean", "means"],
  ["miss", "misses"],
  ["need", "needs"],
  ["plan", "plans"],
  ["play", "plays"],
  ["reach", "reaches"],
  ["react", "reacts"],
  ["reply", "replies"],
  ["respond", "responds"],
  ["say", "says"],
  ["see", "sees"],
  ["seem", "seems"],
  ["send", "sends"],
  ["start", "starts"],
  ["take", "takes"],
  ["talk", "talks"],
  ["text", "texts"],
  ["think", "thinks"],
  ["try", "tries"],
  ["want", "wants"],
  ["wish", "wishes"],
  ["write", "writes"],
];

/** Every {they-form/singular-form} verb token the program's templates use. */
function slashVerbs(templates: readonly string[]): [string, string][] {
  return templates.flatMap((t) =>
    [...t.matchAll(/\{([a-z']+)\/([a-z']+)\}/g)].map(
      (m) => [m[1] ?? "", m[2] ?? ""] as [string, string],
    ),
  );
}

// Words that sit between a subject and its verb without changing the verb's form.
const ADVERBS = new Set(
  "also always already ever even just never often only really still sometimes usually".split(" "),
);

// After these the verb stays in its base form for everyone: "did she say", "let them plan".
const BASE_FORM_BEFORE = new Set(
  "can can't could couldn't did didn't do does don't doesn't let may might must shall should will won't would wouldn't".split(
    " ",
  ),
);

const SUBJECTS = new Map([
  ["he", "singular"],
  ["she", "singular"],
  ["they", "plural"],
] as const);

/**
 * The agreement mistakes in `text`, each quoted with its neighbour: "They gets", "does
 * they", "she have". `verbs` are [they-form, he/she-form] pairs beyond the auxiliaries.
 */
function agreementErrors(
  text: string,
  verbs: readonly (readonly [string, string])[] = COMMON_VERBS,
): string[] {
  const pairs = [...AUXILIARIES, ...verbs];
  const pluralOnly = new Set(pairs.map(([plural]) => plural));
  const singularOnly = new Set(pairs.map(([, singular]) => singular));
  const pluralAux = new Set(AUXILIARIES.map(([plural]) => plural));
  const singularAux = new Set(AUXILIARIES.map(([, singular]) => singular));
  // Words and punctuation apart, so a comma breaks the link between neighbours.
  const tokens = text.match(/[A-Za-z’']+|[^A-Za-z’'\s]/g) ?? [];
  const word = (i: number) => (tokens[i] ?? "").toLowerCase().replace("’", "'");
  const errors: string[] = [];

  for (let i = 0; i < tokens.length; i += 1) {
    const number = SUBJECTS.get(word(i) as "he" | "she" | "they");
    if (number === undefined) continue;
    const before = word(i - 1);
    // A question puts the verb first: "Does she…", never "Does they…".
    if (number === "plural" ? singularAux.has(before) : pluralAux.has(before)) {
      errors.push(`${tokens[i - 1]} ${tokens[i]}`);
    }
    if (BASE_FORM_BEFORE.has(before)) continue;
    let j = i + 1;
    while (ADVERBS.has(word(j))) j += 1;
    const after = word(j);
    if (number === "plural" ? singularOnly.has(after) : pluralOnly.has(after)) {
      errors.push(`${tokens[i]} ${tokens[j]}`);
    }
  }
  return errors;
}

/** Every string in the program with where it sits, skipping keys, slugs and links. */
function strings(value: unknown, path = ""): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe("the agreement checker", () => {
  it("finds the mistakes a person saw on the first screens", () => {
    expect(agreementErrors("They gets to choose too.")).toEqual(["They gets"]);
    expect(agreementErrors("Remember that they has a choice in this too.")).toEqual(["they has"]);
  });

  it("finds plural forms after he or she, and questions that don't agree", () => {
    expect(agreementErrors("If she have time, he are free.")).toEqual(["she have", "he are"]);
    expect(agreementErrors("He don't mind. She always reply.")).toEqual(["He don't", "She reply"]);
    expect(agreementErrors("Does they want to? Are she ready?")).toEqual(["Does they", "Are she"]);
    expect(agreementErrors("If they replies, enjoy it.", [["reply", "replies"]])).toEqual([
      "they replies",
    ]);
  });

  it("passes sentences that agree", () => {
    const fine = [
      "They get to choose too. He gets to choose too. She has a choice.",
      "Did she say no? Could they say no easily? Does he want another date?",
      "If they don't reply, that is an answer; she'd rather wait, and they'll see.",
      "Let them plan it. When they do, answer warmly. He still wants to talk.",
      "Whatever you have, they started it.",
    ];
    for (const text of fine) expect(agreementErrors(text), text).toEqual([]);
  });
});

describe.each(allPrograms().map((p) => [p.version, p] as const))(
  "program v%i: verbs agree for every pronoun set",
  (_version, program) => {
    const all = strings(program).filter(({ path }) => !/\.(key|slug|url)$/.test(path));
    const verbs = [...COMMON_VERBS, ...slashVerbs(all.map((s) => s.text))];

    it.each(PRONOUN_VALUES.map((p) => [p]))("with %s and no name", (pronouns) => {
      const person: Person = { name: null, pronouns };
      const mistakes = all.flatMap(({ path, text }) =>
        agreementErrors(personalize(text, person), verbs).map((e) => `${path}: ${e}`),
      );
      expect(mistakes).toEqual([]);
    });

    it("renders the readiness hint and the ready verdict for each set", () => {
      const say = (pronouns: Person["pronouns"], name: string | null = null) => {
        const person = { name, pronouns };
        const { questions, results } = program.readiness;
        const hint = questions.find((q) => q.key === "either-answer")?.hint ?? "";
        return [personalize(hint, person), personalize(results.ready.body, person)].join(" ");
      };
      expect(say("they")).toContain("They get to choose too.");
      expect(say("they")).toContain("they have a choice");
      expect(say("she")).toContain("She gets to choose too.");
      expect(say("he")).toContain("he has a choice");
      expect(say("they", "Sam")).toContain("Sam gets to choose too.");
      expect(say("they", "Sam")).toContain("Sam has a choice");
    });
  },
);
