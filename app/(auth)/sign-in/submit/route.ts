import { AuthError } from "next-auth";
import { authjs } from "@/server/auth/config";
import { afterFailedSignIn, afterSignIn, beforeSignIn } from "@/server/auth/throttle";
import { requestAddress } from "@/server/client-ip";
import { loggableError } from "@/server/errors";
import { RateLimitedError } from "@/server/limits";
import { log } from "@/server/log";
import { signInInput } from "@/server/schemas/account";

const WRONG_CREDENTIALS =
  "That e-mail and password don't match an account. Check both and try again.";
const TRY_AGAIN = "We could not reach Rekindle's database just now. Please try again in a moment.";

const answer = (status: number, body: object, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/**
 * Sign-in, as a plain JSON POST from the sign-in form, so each answer carries its own
 * status: 200 signed in (the session cookie is set), 400 a field to fix, 401 a wrong
 * e-mail or password (one message for both), 429 with Retry-After while this e-mail and
 * address are locked out (server/auth/throttle.ts), 503 when the database is away.
 */
export async function POST(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return answer(403, { formError: "Forbidden" });
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return answer(415, { formError: "Please send the form as JSON." });
  }
  const parsed = signInInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer(400, { fieldErrors: parsed.error.flatten().fieldErrors });
  const { email, password } = parsed.data;
  const address = requestAddress(request.headers);

  try {
    await beforeSignIn(email, address);
  } catch (e) {
    if (RateLimitedError.is(e)) {
      return answer(429, { formError: e.message }, { "Retry-After": String(e.retryAfterSeconds) });
    }
    log.error({ error: loggableError(e) }, "sign-in limit failed unexpectedly");
    return answer(503, { formError: TRY_AGAIN });
  }

  let wrong = false;
  try {
    await authjs().signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError && e.type === "CredentialsSignin")) {
      log.error({ error: loggableError(e) }, "sign-in failed unexpectedly");
      return answer(503, { formError: TRY_AGAIN });
    }
    wrong = true;
  }
  try {
    if (wrong) await afterFailedSignIn(email, address);
    else await afterSignIn(email, address);
  } catch (e) {
    log.error({ error: loggableError(e) }, "sign-in limit could not be counted");
  }
  return wrong ? answer(401, { formError: WRONG_CREDENTIALS }) : answer(200, { ok: true });
}
