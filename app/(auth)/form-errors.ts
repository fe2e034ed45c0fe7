import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FormResult } from "./actions";

/** Puts the server's field errors next to their fields; returns the form-level message. */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  result: FormResult | undefined,
): string | undefined {
  if (!result) return undefined;
  let first = true;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    setError(field as Path<T>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  return result.formError;
}

/** Next's redirect() from a server action can surface as a thrown error the router handles. */
export function isRedirect(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}
