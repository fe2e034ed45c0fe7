import { AuthError } from "next-auth";
import { signInInput } from "@/lib/schemas/account";
import { authjs } from "@/server/auth/config";
import { afterFailedSignIn, afterSignIn, beforeSignIn } from "@/server/auth/throttle";
import { requestAddress } from "@/server/client-ip";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { json, limitAnswer, readJson, refuseForeign, TRY_AGAIN } from "../../json-route";

const WRONG_CREDENTIALS =
  "That e-mail and password don't match an account. Check both and try again.";

/**
 * Sign-in: 200 signed in (the session cookie is set), 400 a field to fix, 401 a wrong
 * e-mail or password (one message for both), 429 with Retry-After while this e-mail and
 * address are locked out (server/auth/throttle.ts), 503 when the database is away.
 */
export async function POST(request: Request) {
  const refused = refuseForeign(request);
  if (refused) return refused;
  const parsed = signInInput.safeParse(await readJson(request));
  if (!parsed.success) return json(400, { fieldErrors: parsed.error.flatten().fieldErrors });
  const { email, password } = parsed.data;
  const address = requestAddress(request.headers);

  try {
    await beforeSignIn(email, address);
  } catch (e) {
    return limitAnswer(e, "sign-in limit");
  }
  let wrong = false;
  try {
    await authjs().signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError && e.type === "CredentialsSignin")) {
      log.error({ error: loggableError(e) }, "sign-in failed unexpectedly");
      return json(503, { formError: TRY_AGAIN });
    }
    wrong = true;
  }
  try {
    if (wrong) await afterFailedSignIn(email, address);
    else await afterSignIn(email, address);
  } catch (e) {
    log.error({ error: loggableError(e) }, "sign-in limit could not be counted");
  }
  return wrong ? json(401, { formError: WRONG_CREDENTIALS }) : json(200, { ok: true });
}
