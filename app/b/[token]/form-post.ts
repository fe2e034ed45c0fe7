import type { BuddyLink } from "@/db/schema";
import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { countBuddyMessage, RateLimitedError } from "@/server/limits";
import { liveLink } from "@/server/services/buddies";

/** The buddy page's address, with a flag the page turns into a message. */
function backToPage(request: Request, token: string, flag: string): Response {
  const url = new URL(`/b/${encodeURIComponent(token)}`, request.url);
  url.search = flag;
  // 303: the browser follows with a GET, so a reload never sends the form again.
  return new Response(null, {
    status: 303,
    headers: { Location: url.pathname + url.search, "Cache-Control": "no-store" },
  });
}

/** Form posts come only from the buddy page itself (browsers that say where they're from). */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin";
}

/** The flag for a refused post; a dead link goes back to the page, which shows the 404. */
function flagFor(error: unknown, fallback: string): string {
  if (RateLimitedError.is(error)) {
    return `error=limit&wait=${Math.ceil(error.retryAfterSeconds / 60)}`;
  }
  if (error instanceof AppError) {
    if (error.code === "NOT_FOUND") return "";
    if (error.field === "name") return "error=name";
    return `error=${fallback}`;
  }
  throw error;
}

/**
 * One plain HTML form post from the buddy page (it works with JavaScript off): checks the
 * link is alive, counts the message against the limits, does the work, and answers with
 * a redirect back to the page carrying a flag: never the buddy's words.
 */
export async function handleBuddyPost(
  request: Request,
  token: string,
  work: (link: BuddyLink) => Promise<unknown>,
  flags: { ok: string; failed: string },
): Promise<Response> {
  if (isCrossSite(request)) return new Response("Forbidden", { status: 403 });
  try {
    const link = await liveLink(await getDb(), token, new Date());
    if (!link) return backToPage(request, token, "");
    await countBuddyMessage(requestAddress(request.headers), link.id);
    await work(link);
    return backToPage(request, token, flags.ok);
  } catch (error) {
    return backToPage(request, token, flagFor(error, flags.failed));
  }
}
