import { after } from "next/server";
import { signUpInput } from "@/lib/schemas/account";
import { beforeSignUp } from "@/server/auth/throttle";
import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { sendMailQuietly } from "@/server/mail";
import { requestSignUp } from "@/server/services/sign-up";
import { json, limitAnswer, linkBase, readJson, refuseForeign, TRY_AGAIN } from "../../json-route";

/**
 * Starts a sign-up. Every address gets the same 200 ("check your inbox"): a new one is
 * mailed a link that makes the account, one with an account a mail saying so, sent after
 * the answer so its timing tells nothing. 429 with Retry-After past the per-address limit.
 */
export async function POST(request: Request) {
  const refused = refuseForeign(request);
  if (refused) return refused;
  const parsed = await signUpInput.safeParseAsync(await readJson(request));
  if (!parsed.success) return json(400, { fieldErrors: parsed.error.flatten().fieldErrors });
  try {
    await beforeSignUp(requestAddress(request.headers));
  } catch (e) {
    return limitAnswer(e, "sign-up limit");
  }
  try {
    await requestSignUp(await getDb(), parsed.data, {
      appUrl: linkBase(request.headers),
      send: (mail) => after(() => sendMailQuietly(mail)),
    });
  } catch (e) {
    log.error({ error: loggableError(e) }, "sign-up failed unexpectedly");
    return json(503, { formError: TRY_AGAIN });
  }
  return json(200, { ok: true });
}
