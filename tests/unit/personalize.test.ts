import { describe, expect, it } from "vitest";
import { allPrograms } from "@/lib/program";
import {
  exPerson,
  type Person,
  personalize,
  personalizeDeep,
  shownName,
  TemplateError,
} from "@/lib/program/personalize";

const sam = (pronouns: Person["pronouns"]): Person => ({ name: "Sam", pronouns });
const anon = (pronouns: Person["pronouns"]): Person => ({ name: null, pronouns });

describe("personalize: the ex", () => {
  const template = "{Ex} said {ex:their} sister misses {ex:them}.";

  it("uses the name when there is one, whatever the pronouns", () => {
    for (const p of ["he", "she", "they"] as const) {
      expect(personalize(template, sam(p))).toBe("Sam said Sam's sister misses Sam.");
    }
  });

  it("falls back to the pronouns without a name", () => {
    expect(personalize(template, anon("he"))).toBe("He said his sister misses him.");
    expect(personalize(template, anon("she"))).toBe("She said her sister misses her.");
    expect(personalize(template, anon("they"))).toBe("They said their sister misses them.");
  });

  it("treats a blank name as no name", () => {
    expect(personalize("{Ex} called.", { name: "   ", pronouns: "she" })).toBe("She called.");
    expect(personalize("{Ex} called.", { name: "  Ana ", pronouns: "she" })).toBe("Ana called.");
  });
});

describe("personalize: bare pronouns", () => {
  const template =
    "{They} did it {themselves}; the idea was {theirs}, so thank {them} for {their} help.";

  it("renders each pronoun set", () => {
    expect(personalize(template, sam("he"))).toBe(
      "He did it himself; the idea was his, so thank him for his help.",
    );
    expect(personalize(template, sam("she"))).toBe(
      "She did it herself; the idea was hers, so thank her for her help.",
    );
    expect(personalize(template, sam("they"))).toBe(
      "They did it themselves; the idea was theirs, so thank them for their help.",
    );
  });

  it("capitalises every form at the start of a sentence", () => {
    const caps = "{They}/{Them}/{Their}/{Theirs}/{Themselves}/{Ex:them}/{Ex:their}";
    expect(personalize(caps, anon("he"))).toBe("He/Him/His/His/Himself/Him/His");
    expect(personalize(caps, anon("she"))).toBe("She/Her/Her/Hers/Herself/Her/Her");
    expect(personalize(caps, anon("they"))).toBe("They/Them/Their/Theirs/Themselves/Them/Their");
  });

  it("leaves the name as typed, even at the start of a sentence", () => {
    expect(personalize("{Ex} is here.", { name: "de la Cruz", pronouns: "he" })).toBe(
      "de la Cruz is here.",
    );
  });

  it("allows contractions that work for every pronoun", () => {
    expect(personalize("{they}'ll and {they}'d", anon("she"))).toBe("she'll and she'd");
  });
});

describe("personalize: verb agreement", () => {
  it("agrees with a name, he, she and they", () => {
    const t = "{Ex} {are} kind and {have} time, but {don't} rush. {They} {reply/replies} slowly.";
    expect(personalize(t, sam("they"))).toBe(
      "Sam is kind and has time, but doesn't rush. They reply slowly.",
    );
    expect(personalize(t, anon("she"))).toBe(
      "She is kind and has time, but doesn't rush. She replies slowly.",
    );
    expect(personalize(t, anon("he"))).toBe(
      "He is kind and has time, but doesn't rush. He replies slowly.",
    );
    expect(personalize(t, anon("they"))).toBe(
      "They are kind and have time, but don't rush. They reply slowly.",
    );
  });

  it("covers every shortcut verb", () => {
    const t = "{they} {are} {were} {have} {do} {aren't} {weren't} {haven't} {don't}";
    expect(personalize(t, anon("he"))).toBe("he is was has does isn't wasn't hasn't doesn't");
    expect(personalize(t, anon("they"))).toBe("they are were have do aren't weren't haven't don't");
  });

  it("follows the most recent subject, not object or possessive tokens", () => {
    const t = "{Ex} {are} here; {they} {are} too, and {ex:them} and {ex:their} friend {are} too.";
    expect(personalize(t, sam("they"))).toBe(
      "Sam is here; they are too, and Sam and Sam's friend are too.",
    );
  });

  it("throws when a verb comes before any subject", () => {
    expect(() => personalize("Nobody {are} here.", sam("he"))).toThrow(TemplateError);
    expect(() => personalize("{ex:them} {are}", sam("he"))).toThrow(/before any subject/);
  });
});

describe("personalize: errors and user input", () => {
  it("throws on unknown tokens and stray braces", () => {
    expect(() => personalize("Hi {him}", sam("he"))).toThrow(/Unknown token \{him\}/);
    expect(() => personalize("Hi {toString}", sam("he"))).toThrow(TemplateError);
    expect(() => personalize("Hi {constructor}", sam("he"))).toThrow(TemplateError);
    expect(() => personalize("Hi {ex", sam("he"))).toThrow(/Stray brace/);
    expect(() => personalize("Hi { ex }", sam("he"))).toThrow(/Stray brace/);
    expect(() => personalize("Hi }", sam("he"))).toThrow(/Stray brace/);
    expect(() => personalize("{Reply/replies}", sam("he"))).toThrow(/capitalised/);
  });

  it("renders a name containing braces literally", () => {
    const person: Person = { name: "{they} {ex:them} {nope}", pronouns: "he" };
    expect(personalize("Hello {ex}, {ex:their} day?", person)).toBe(
      "Hello {they} {ex:them} {nope}, {they} {ex:them} {nope}'s day?",
    );
  });

  it("passes text with no tokens through unchanged", () => {
    expect(personalize("Call 0808 2000 247.", sam("she"))).toBe("Call 0808 2000 247.");
  });
});

describe("personalizeDeep", () => {
  it("renders every string in a nested value and keeps everything else", () => {
    const value = {
      key: "send-hello",
      n: 3,
      ok: true,
      missing: undefined,
      list: ["Text {ex:them}", { deep: "{They} {are} here" }],
    };
    expect(personalizeDeep(value, anon("she"))).toEqual({
      key: "send-hello",
      n: 3,
      ok: true,
      missing: undefined,
      list: ["Text her", { deep: "She is here" }],
    });
  });
});

describe("discreet mode", () => {
  const journey = (exPronouns: Person["pronouns"]) => ({ exName: "Sam", exPronouns });

  it("shows the name only when discreet mode is off", () => {
    expect(shownName("Sam", false)).toBe("Sam");
    expect(shownName("Sam", undefined)).toBe("Sam");
    expect(shownName("Sam", true)).toBeNull();
    expect(shownName(null, false)).toBeNull();
  });

  it("speaks of the ex by pronoun, with verbs that agree", () => {
    const template = "{Ex} {are} quiet; text {ex:them} about {ex:their} day.";
    expect(personalize(template, exPerson(journey("she"), false))).toBe(
      "Sam is quiet; text Sam about Sam's day.",
    );
    expect(personalize(template, exPerson(journey("she"), true))).toBe(
      "She is quiet; text her about her day.",
    );
    expect(personalize(template, exPerson(journey("they"), true))).toBe(
      "They are quiet; text them about their day.",
    );
  });

  it("leaves the name out of every text of every program, for every pronoun set", () => {
    // A name no template could produce by itself, so any trace of it is the name leaking.
    const name = "Quillon";
    for (const program of allPrograms()) {
      for (const exPronouns of ["he", "she", "they"] as const) {
        const person = exPerson({ exName: name, exPronouns }, true);
        const rendered = JSON.stringify(personalizeDeep(program, person));
        expect(rendered).not.toContain(name);
        // And the same texts do carry the name with discreet mode off.
        const named = JSON.stringify(
          personalizeDeep(program, exPerson({ exName: name, exPronouns }, false)),
        );
        expect(named).toContain(name);
      }
    }
  });
});
