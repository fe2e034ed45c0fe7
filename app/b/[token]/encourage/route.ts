import { getDb } from "@/db/client";
import { sendEncouragement } from "@/server/services/buddies";
import { backToPage, flagFor, isCrossSite } from "../form-post";

/** The encouragement form's plain HTML post: works with JavaScript off. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (isCrossSite(request)) return new Response("Forbidden", { status: 403 });
  const form = await request.formData().catch(() => null);
  const name = form?.get("name");
  const message = form?.get("message");
  try {
    await sendEncouragement(await getDb(), token, {
      name: typeof name === "string" && name.trim() !== "" ? name : undefined,
      message: typeof message === "string" ? message : "",
    });
    return backToPage(request, token, "sent=1");
  } catch (error) {
    return backToPage(request, token, flagFor(error, "message"));
  }
}
