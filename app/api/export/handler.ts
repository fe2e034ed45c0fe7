import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { readSessionId } from "@/server/auth/cookie";
import { validateSession } from "@/server/auth/sessions";
import { isConnectionError, loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { exportAccount, exportFileName } from "@/server/services/export";

const NO_STORE = { "Cache-Control": "no-store" };

const refuse = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: NO_STORE });

const UNREACHABLE = "We could not reach our database just now. Please try again in a moment.";

/**
 * GET /api/export: the signed-in person's data as one JSON download. The session comes
 * from the cookie and is checked against the database, as for every other request.
 */
export async function handleExportRequest(
  req: Request,
  getDb: () => Promise<Db>,
  now = new Date(),
): Promise<Response> {
  let db: Db;
  try {
    db = await getDb();
  } catch {
    return refuse(503, UNREACHABLE);
  }
  try {
    const sessionId = await readSessionId(req.headers);
    const session = sessionId ? await validateSession(db, sessionId, now) : null;
    if (!session) return refuse(401, "Please sign in to download your data.");
    const data = await exportAccount(db, { userId: session.user.id }, now);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(session.user.timeZone, now)}"`,
      },
    });
  } catch (error) {
    if (isConnectionError(error)) return refuse(503, UNREACHABLE);
    const errorId = randomUUID().slice(0, 8);
    log.error({ errorId, path: "export", error: loggableError(error) }, "unexpected error");
    return refuse(
      500,
      `Something went wrong on our side. Please try again. (Reference: ${errorId})`,
    );
  }
}
