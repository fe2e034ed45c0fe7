import "#server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { edgeDb } from "@/server/http/edge";
import { noteDatabaseError } from "@/server/http/request-scope";
import { readSessionId } from "./cookie";
import { type ActiveSession, validateSession } from "./sessions";

/**
 * The signed-in session for this request, checked against the database once per render.
 * A database that is away is noted for the request before the error goes on to the error
 * page, so the page answers 503 ("try again in a moment") rather than 500.
 */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const sessionId = await readSessionId(await headers());
  if (!sessionId) return null;
  try {
    return await validateSession(await edgeDb(), sessionId);
  } catch (error) {
    noteDatabaseError(error);
    throw error;
  }
});

/** For pages behind sign-in: the session, or a redirect to the sign-in page. */
export async function requireSession(): Promise<ActiveSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return session;
}
