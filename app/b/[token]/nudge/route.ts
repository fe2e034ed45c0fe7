import { getDb } from "@/db/client";
import { sendNudge } from "@/server/services/buddies";
import { backToPage, flagFor, isCrossSite } from "../form-post";

/** "Send a nudge" as a plain HTML post. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (isCrossSite(request)) return new Response("Forbidden", { status: 403 });
  try {
    await sendNudge(await getDb(), token);
    return backToPage(request, token, "nudged=1");
  } catch (error) {
    return backToPage(request, token, flagFor(error, "nudge"));
  }
}
