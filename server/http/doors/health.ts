import "#server-only";
import { sql } from "drizzle-orm";
import { migrationStatus } from "@/db/migrate";
import { door, type Problem, problemHeaders } from "@/server/http/edge";
import { limits } from "@/server/limits";

/** What a load balancer or a person checking the server reads: the database's state. */
function healthProblem(problem: Problem): Response {
  const body =
    problem.status === 503
      ? { db: "unreachable", reason: "The database could not be reached." }
      : { db: "unknown", reason: problem.message };
  return Response.json(body, { status: problem.status, headers: problemHeaders(problem) });
}

/**
 * GET /api/health: 200 when the database answers and its schema is current; 503 if not.
 * It also says where rate limits are counted: a Redis that is away leaves each process
 * counting on its own, which still works, so it is reported and not a 503.
 */
export const health = door({ name: "health", answer: healthProblem }, async ({ db }) => {
  const headers = { "Cache-Control": "no-store" };
  await db.execute(sql`select 1`);
  const migrations = await migrationStatus(db);
  if (migrations !== "current") {
    return Response.json(
      {
        db: "ok",
        migrations,
        reason: "The database schema is not current: run npm run db:migrate.",
      },
      { status: 503, headers },
    );
  }
  const counted = (await limits()).where();
  return Response.json({ db: "ok", migrations, limits: counted }, { headers });
});
