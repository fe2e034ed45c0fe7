import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export interface MutationProblem {
  /** The tRPC code ("CONFLICT", "NOT_FOUND", ...), or null when the server was not reached. */
  code: string | null;
  /** Messages by input field, as the server's error formatter keeps them. */
  fieldErrors: Record<string, string[]> | null;
  /** A sentence for the top of the form. */
  message: string;
}

const UNREACHABLE =
  "We couldn't connect, so nothing was saved yet. Your text is still here: check your connection and tap Save again.";

/** For actions that aren't a save of typed text, such as a delete. */
export const UNREACHABLE_NOTHING_CHANGED =
  "We couldn't connect, so nothing changed. Check your connection and try again.";

/** What the server's error formatter puts in every error (server/trpc/init.ts). */
export interface ServerAnswerData {
  code?: string;
  httpStatus?: number;
  fieldErrors?: Record<string, string[]> | null;
  [key: string]: unknown;
}

/**
 * An answer from the server (tRPC's TRPCClientError), told by name: the class lives in the
 * client chunk that loads on first use (app/_trpc/loaded.ts), not in every form's bundle.
 */
export function isServerAnswer(error: unknown): error is Error & { data?: ServerAnswerData } {
  return error instanceof Error && error.name === "TRPCClientError";
}

/**
 * What went wrong with a save, in a shape forms can use. An error with no server answer
 * (offline, a dropped connection) gets a sentence that says the text is safe in the form.
 */
export function mutationProblem(error: unknown, unreachable = UNREACHABLE): MutationProblem {
  if (isServerAnswer(error) && error.data) {
    const data = error.data as { code?: string; fieldErrors?: Record<string, string[]> | null };
    const fieldErrors = data.fieldErrors ?? null;
    // The server's sentence starts with the field's key ("label: …"), a name no person reads.
    const first = fieldErrors ? Object.values(fieldErrors)[0]?.[0] : undefined;
    return { code: data.code ?? null, fieldErrors, message: first ?? error.message };
  }
  return { code: null, fieldErrors: null, message: unreachable };
}

// Made on first use: a page's first Intl object loads the browser's locale data, which took
// 55–130 ms of a throttled phone's load when this module made it (the bench's traces).
let fieldList: Intl.ListFormat | undefined;

/**
 * The banner above a form whose fields show their own errors. `labels` names, by input key,
 * the fields that show one (a key also covers its parts: "expiry" covers "expiry.date"). When
 * every error sits at such a field, the banner names those fields as the person reads them,
 * so each message is said once, beside what it is about; otherwise it says the first message
 * no field shows.
 */
export function formBanner(problem: MutationProblem, labels: Record<string, string>): string {
  if (!problem.fieldErrors) return problem.message;
  const named: string[] = [];
  for (const [key, messages] of Object.entries(problem.fieldErrors)) {
    const shownAt = Object.keys(labels).find((k) => key === k || key.startsWith(`${k}.`));
    const label = shownAt ? labels[shownAt] : undefined;
    if (!label) return messages[0] ?? problem.message;
    if (!named.includes(label)) named.push(label);
  }
  if (named.length === 0) return problem.message;
  fieldList ??= new Intl.ListFormat("en", { type: "conjunction" });
  return `Please check ${fieldList.format(named.map((l) => `“${l}”`))} below.`;
}

/**
 * Shows each of the server's field errors at the form's field of that name, for the names in
 * `fields`, and focuses the first. True when at least one was placed, so the form has said
 * what is wrong where it is.
 */
export function placeFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  problem: MutationProblem,
  fields: readonly Path<T>[],
): boolean {
  let placed = false;
  for (const [field, messages] of Object.entries(problem.fieldErrors ?? {})) {
    const name = fields.find((f) => f === field);
    if (!name || !messages[0]) continue;
    setError(name, { type: "server", message: messages[0] }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
