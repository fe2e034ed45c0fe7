import { getDb } from "@/server/db";
import { nudgeLink } from "@/server/services/buddies";
import { handleBuddyPost } from "../form-post";

/** "Send a nudge" as a plain HTML post. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handleBuddyPost(request, token, async (link) => nudgeLink(await getDb(), link), {
    ok: "nudged=1",
    failed: "nudge",
  });
}
