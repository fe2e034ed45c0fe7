import type { Db } from "@/db/client";
import { exportDoor } from "@/server/http/doors/export";
import { useDatabaseForTests as databaseForTests } from "@/server/http/edge";

/**
 * The export door on a given database and clock, as tests/integration/account-data.test.ts
 * calls it. The route itself is server/http/doors/export.ts.
 */
export function handleExportRequest(
  req: Request,
  getDb: () => Promise<Db>,
  now = new Date(),
): Promise<Response> {
  databaseForTests(getDb);
  return exportDoor(() => now)(req);
}
