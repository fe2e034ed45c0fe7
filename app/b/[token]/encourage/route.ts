import { getDb } from "@/server/db";
import { encourageLink } from "@/server/services/buddies";
import { handleBuddyPost } from "../form-post";

/** The encouragement form's plain HTML post: works with JavaScript off. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const name = form?.get("name");
  const message = form?.get("message");
  return handleBuddyPost(
    request,
    token,
    async (link) =>
      encourageLink(await getDb(), link, {
        name: typeof name === "string" && name.trim() !== "" ? name : undefined,
        message: typeof message === "string" ? message : "",
      }),
    { ok: "sent=1", failed: "message" },
  );
}
