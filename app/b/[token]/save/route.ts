import { readSessionId } from "@/server/auth/cookie";
import { validateSession } from "@/server/auth/sessions";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { saveLink, saveState } from "@/server/services/supporting";

/** 303: the browser follows with a GET, so a reload never sends the form again. */
function seeOther(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
}

/**
 * Only the buddy page itself may post here: it acts for the signed-in person, so a form on
 * another site must not. Browsers say where a post comes from in Sec-Fetch-Site, older
 * ones in Origin.
 */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    return true;
  }
}

/**
 * "Save to People I support" as a plain HTML post from the buddy page: works with
 * JavaScript off. Answers with a redirect back to the page carrying a flag.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (isCrossSite(request)) return new Response("Forbidden", { status: 403 });
  const page = `/b/${encodeURIComponent(token)}`;
  const db = await getDb();
  const sessionId = await readSessionId(request.headers);
  const session = sessionId ? await validateSession(db, sessionId) : null;
  if (!session) return seeOther("/sign-in");
  const actor = { userId: session.user.id };

  const state = await saveState(db, actor, { token });
  // A dead link goes back to the page, which shows the same 404 as for any other.
  if (!state) return seeOther(page);
  if (state.kind === "own") return seeOther(`${page}?error=own`);
  try {
    await saveLink(db, actor, { token });
    return seeOther(`${page}?saved=1`);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return seeOther(page);
    if (error instanceof AppError && error.code === "BAD_REQUEST") {
      return seeOther(`${page}?error=full`);
    }
    throw error;
  }
}
