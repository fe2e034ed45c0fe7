import { TRPCClientError } from "@trpc/client";

export interface MutationProblem {
  /** The tRPC code ("CONFLICT", "NOT_FOUND", ...), or null when the server was not reached. */
  code: string | null;
  /** Messages by input field, as the server's error formatter keeps them. */
  fieldErrors: Record<string, string[]> | null;
  /** A sentence for the top of the form. */
  message: string;
}

const UNREACHABLE =
  "We couldn't reach Rekindle, so nothing was saved yet. Your text is still here: check your connection and tap Save again.";

/** For actions that aren't a save of typed text, such as a delete. */
export const UNREACHABLE_NOTHING_CHANGED =
  "We couldn't reach Rekindle, so nothing changed. Check your connection and try again.";

/**
 * What went wrong with a save, in a shape forms can use. An error with no server answer
 * (offline, a dropped connection) gets a sentence that says the text is safe in the form.
 */
export function mutationProblem(error: unknown, unreachable = UNREACHABLE): MutationProblem {
  if (error instanceof TRPCClientError && error.data) {
    const data = error.data as { code?: string; fieldErrors?: Record<string, string[]> | null };
    return {
      code: data.code ?? null,
      fieldErrors: data.fieldErrors ?? null,
      message: error.message,
    };
  }
  return { code: null, fieldErrors: null, message: unreachable };
}
