import type { FormResult } from "./actions";

const UNREACHABLE = "We could not reach Rekindle. Check your connection and try again.";

/** Posts a form as JSON to its route; a refusal comes back as the form's errors. */
export async function postJson<T extends object = object>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; status: number; result: FormResult }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, result: { formError: UNREACHABLE } };
  }
  const data = (await response.json().catch(() => ({}))) as T & FormResult;
  if (response.ok) return { ok: true, data };
  const hasErrors = data.formError || data.fieldErrors;
  return {
    ok: false,
    status: response.status,
    result: hasErrors ? data : { formError: "Something went wrong. Please try again." },
  };
}
