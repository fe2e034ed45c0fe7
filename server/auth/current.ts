import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/server/db";
import { readSessionId } from "./cookie";
import { type ActiveSession, validateSession } from "./sessions";

/** The signed-in session for this request, checked against the database once per render. */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const sessionId = await readSessionId(await headers());
  if (!sessionId) return null;
  return validateSession(await getDb(), sessionId);
});

/** For pages behind sign-in: the session, or a redirect to the sign-in page. */
export async function requireSession(): Promise<ActiveSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return session;
}
