import { sql } from "drizzle-orm";
import { migrationStatus } from "@/db/migrate";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** 200 when the database answers and its schema is current; 503 with the reason if not. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const db = await getDb();
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
    return Response.json({ db: "ok", migrations }, { headers });
  } catch {
    return Response.json(
      { db: "unreachable", reason: "The database could not be reached." },
      { status: 503, headers },
    );
  }
}
