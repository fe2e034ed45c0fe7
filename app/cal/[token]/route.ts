import { requestAddress } from "@/server/client-ip";
import { getDb } from "@/server/db";
import { handleCalendarRequest } from "./handler";

export const dynamic = "force-dynamic";

/** A calendar app's subscription to the person's private feed. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handleCalendarRequest(req, token, { getDb, address: requestAddress(req.headers) });
}
