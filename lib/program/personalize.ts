/**
 * A tiny template renderer for the program's text, so every sentence speaks of the ex by
 * the name and pronouns the user gave.
 *
 * Syntax: write the sentence as if the ex were "they", then put braces round every word
 * that changes. A token is `{...}` with no spaces inside; anything else is literal text.
 *
 *   The ex (the name when there is one, otherwise the pronoun):
 *     {ex}          subject      Sam   | he / she / they
 *     {ex:them}     object       Sam   | him / her / them
 *     {ex:their}    possessive   Sam's | his / her / their
 *
 *   Pronouns only (use these once the name has been said):
 *     {they}  {them}  {their}  {theirs}  {themselves}
 *     he      him     his      his       himself
 *     she     her     her      hers      herself
 *
 *   Capitalised for the start of a sentence: {Ex} {Ex:them} {Ex:their} {They} {Them}
 *   {Their} {Theirs} {Themselves}. A name is never altered: {Ex} gives the name as typed.
 *
 *   Verbs agree with the most recent subject rendered, {ex} or {they} (or a capitalised
 *   form): a name, he and she take the singular, they the plural. Write the "they" form:
 *     {are} {were} {have} {do} {aren't} {weren't} {haven't} {don't}
 *       -> is / was / has / does / isn't / wasn't / hasn't / doesn't after Sam, he or she
 *     {reply/replies}   any other verb: the "they" form, a slash, the singular form
 *   A present-tense verb written out after {ex} or {they} ("{Ex} gets") is right for one
 *   pronoun set and wrong for the other, so write it as a token ("{Ex} {get/gets}"); only
 *   forms every subject shares may stay literal: "may", "started", "did {ex} say".
 *   A verb token before any subject token is an error. Contractions that work for every
 *   pronoun can follow a token literally: {they}'ll, {they}'d. For "they're" or
 *   "they've" write {they} {are}, {they} {have}.
 *
 * Unknown tokens and stray braces throw: the program's content is checked by unit tests
 * that render every string for every pronoun set. The name is user input and is inserted
 * as plain text, so a name that itself contains braces is never expanded.
 */

export type Pronouns = "he" | "she" | "they";

export const PRONOUN_VALUES = ["he", "she", "they"] as const satisfies readonly Pronouns[];

/** Whom the text speaks of. A blank name counts as no name. */
export interface Person {
  name: string | null;
  pronouns: Pronouns;
}

/** A string in the syntax above. */
export type Template = string;

type Form = "they" | "them" | "their" | "theirs" | "themselves";

const PRONOUN_FORMS: Record<Pronouns, Record<Form, string>> = {
  he: { they: "he", them: "him", their: "his", theirs: "his", themselves: "himself" },
  she: { they: "she", them: "her", their: "her", theirs: "hers", themselves: "herself" },
  they: { they: "they", them: "them", their: "their", theirs: "theirs", themselves: "themselves" },
};

/** The shortcut verbs: the "they" form and the singular form. */
const VERBS = new Map<string, readonly [plural: string, singular: string]>([
  ["are", ["are", "is"]],
  ["were", ["were", "was"]],
  ["have", ["have", "has"]],
  ["do", ["do", "does"]],
  ["aren't", ["aren't", "isn't"]],
  ["weren't", ["weren't", "wasn't"]],
  ["haven't", ["haven't", "hasn't"]],
  ["don't", ["don't", "doesn't"]],
]);

const EX_FORMS = new Map<string, Form>([
  ["ex", "they"],
  ["ex:them", "them"],
  ["ex:their", "their"],
]);

const BARE_FORMS = new Map<string, Form>(
  (["they", "them", "their", "theirs", "themselves"] as const).map((f) => [f, f]),
);

const TOKEN = /\{([^{}\s]*)\}/g;
const SLASH_VERB = /^([a-z']+)\/([a-z']+)$/;

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly template: string,
  ) {
    super(`${message} in template: ${JSON.stringify(template)}`);
    this.name = "TemplateError";
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isCapitalised(token: string): boolean {
  const first = token.charAt(0);
  return first !== first.toLowerCase();
}

/** The name to use, or null when the user gave none (or only spaces). */
export function displayName(person: Person): string | null {
  const name = person.name?.trim() ?? "";
  return name === "" ? null : name;
}

/**
 * The ex's name as this person may see it: none in discreet mode, so every {ex} in the
 * program reads as a pronoun and nothing on a glanced-at screen names them. Only what the
 * app shows goes through here; the export keeps the name, since it is the person's own data.
 */
export function shownName(name: string | null, discreet: boolean | undefined): string | null {
  return discreet ? null : name;
}

/** Whom a journey's text speaks of, for a reader who may have discreet mode on. */
export function exPerson(
  journey: { exName: string | null; exPronouns: Pronouns },
  discreet: boolean | undefined,
): Person {
  return { name: shownName(journey.exName, discreet), pronouns: journey.exPronouns };
}

/** Renders one template for one person. Throws a TemplateError on a bad template. */
export function personalize(template: Template, person: Person): string {
  const name = displayName(person);
  const forms = PRONOUN_FORMS[person.pronouns];
  // Whether the most recent subject takes a plural verb; null until a subject is seen.
  let plural: boolean | null = null;

  const rendered = template.replace(TOKEN, (_match, raw: string) => {
    const capital = isCapitalised(raw);
    const token = capital ? raw.charAt(0).toLowerCase() + raw.slice(1) : raw;

    const exForm = EX_FORMS.get(token);
    if (exForm !== undefined) {
      if (name !== null) {
        if (exForm === "they") plural = false;
        // The name goes in as typed: never capitalised, never expanded.
        return exForm === "their" ? `${name}'s` : name;
      }
      if (exForm === "they") plural = person.pronouns === "they";
      const word = forms[exForm];
      return capital ? capitalise(word) : word;
    }

    const form = BARE_FORMS.get(token);
    if (form !== undefined) {
      if (form === "they") plural = person.pronouns === "they";
      const word = forms[form];
      return capital ? capitalise(word) : word;
    }

    const verb = VERBS.get(token) ?? slashVerb(token);
    if (verb !== null) {
      if (capital) throw new TemplateError(`Verb token {${raw}} cannot be capitalised`, template);
      if (plural === null) {
        throw new TemplateError(`Verb token {${raw}} comes before any subject`, template);
      }
      return plural ? verb[0] : verb[1];
    }

    throw new TemplateError(`Unknown token {${raw}}`, template);
  });

  // Braces left in the template's own text (not in the name) are mistakes.
  const leftover = template.replace(TOKEN, "");
  if (leftover.includes("{") || leftover.includes("}")) {
    throw new TemplateError("Stray brace", template);
  }
  return rendered;
}

function slashVerb(token: string): readonly [string, string] | null {
  const match = SLASH_VERB.exec(token);
  if (match === null) return null;
  const [, plural, singular] = match;
  return plural === undefined || singular === undefined ? null : [plural, singular];
}

/** Renders a list of templates. */
export function personalizeAll(templates: readonly Template[], person: Person): string[] {
  return templates.map((t) => personalize(t, person));
}

/**
 * A deep copy of `value` with every string rendered for `person`. Handy for handing a whole
 * step to the UI; strings with no tokens (keys, slugs, links) come back unchanged.
 */
export function personalizeDeep<T>(value: T, person: Person): T {
  return renderValue(value, person) as T;
}

function renderValue(value: unknown, person: Person): unknown {
  if (typeof value === "string") return personalize(value, person);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, person));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, renderValue(v, person)]),
    );
  }
  return value;
}
