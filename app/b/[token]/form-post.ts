import { AppError } from "@/server/errors";

/** The buddy page's address, with a flag the page turns into a message. */
export function backToPage(request: Request, token: string, flag: string): Response {
  const url = new URL(`/b/${encodeURIComponent(token)}`, request.url);
  url.search = flag;
  // 303: the browser follows with a GET, so a reload never sends the form again.
  return new Response(null, {
    status: 303,
    headers: { Location: url.pathname + url.search, "Cache-Control": "no-store" },
  });
}

/** Form posts come only from the buddy page itself (browsers that say where they're from). */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin";
}

/** The flag for a refused post; a dead link goes back to the page, which shows the 404. */
export function flagFor(error: unknown, fallback: string): string {
  if (error instanceof AppError) {
    if (error.code === "NOT_FOUND") return "";
    if (error.field === "name") return "error=name";
    return `error=${fallback}`;
  }
  throw error;
}
