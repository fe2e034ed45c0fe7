import { after } from "next/server";
import { forgotPasswordInput } from "@/lib/schemas/account";
import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { sendMailQuietly } from "@/server/mail";
import { requestPasswordReset } from "@/server/services/password-reset";
import { json, limitAnswer, linkBase, readJson, refuseForeign } from "../../json-route";

/** The one answer to every reset request, whether or not an account uses the address. */
const RESET_REQUESTED =
  "If an account uses that address, we've sent a link. It works for 30 minutes.";

/** Asks for a reset link: 200 the same for every address, 429 with Retry-After past a limit. */
export async function POST(request: Request) {
  const refused = refuseForeign(request);
  if (refused) return refused;
  const parsed = forgotPasswordInput.safeParse(await readJson(request));
  if (!parsed.success) return json(400, { fieldErrors: parsed.error.flatten().fieldErrors });
  try {
    await requestPasswordReset(await getDb(), parsed.data.email, {
      appUrl: linkBase(request.headers),
      address: requestAddress(request.headers),
      // After the answer is out, so its timing is the same for every address.
      send: (mail) => after(() => sendMailQuietly(mail)),
    });
  } catch (e) {
    return limitAnswer(e, "reset request");
  }
  return json(200, { done: RESET_REQUESTED });
}
