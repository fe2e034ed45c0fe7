import "#server-only";
import { door, type Problem, problemHeaders } from "@/server/http/edge";
import { exportAccount, exportFileName } from "@/server/services/export";

/** The settings page's download link reads `{ error: { message } }`, as /api always has. */
const SENTENCES: Partial<Record<number, string>> = {
  401: "Please sign in to download your data.",
  503: "We could not reach our database just now. Please try again in a moment.",
};

function exportProblem(problem: Problem): Response {
  const message = SENTENCES[problem.status] ?? problem.message;
  return Response.json(
    { error: { message } },
    { status: problem.status, headers: problemHeaders(problem) },
  );
}

/**
 * GET /api/export: the signed-in person's data as one JSON download. The session comes
 * from the cookie and is checked against the database, as for every other request.
 * `now` is the moment the file says it was made.
 */
export function exportDoor(now: () => Date = () => new Date()) {
  return door(
    { name: "export", session: "required", answer: exportProblem },
    async ({ db, session }) => {
      // The door answers 401 before this runs when there is no live session.
      if (!session) throw new Error("unreachable: the door requires a session");
      const at = now();
      const data = await exportAccount(db, { userId: session.user.id }, at);
      return new Response(JSON.stringify(data, null, 2), {
        headers: {
          "Cache-Control": "no-store",
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="${exportFileName(session.user.timeZone, at)}"`,
        },
      });
    },
  );
}

export const exportData = exportDoor();
