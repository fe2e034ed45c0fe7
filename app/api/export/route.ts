import { getDb } from "@/server/db";
import { handleExportRequest } from "./handler";

export const dynamic = "force-dynamic";

/** The "Download my data" link in settings. */
export function GET(req: Request) {
  return handleExportRequest(req, getDb);
}
