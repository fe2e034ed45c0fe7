import "#server-only";
import { getDb } from "@/server/db";
import { handleTrpcRequest } from "@/server/trpc/http";

/** /api/trpc: every signed-in procedure, behind the same session reader and origin check. */
export const trpc = (request: Request): Promise<Response> => handleTrpcRequest(request, getDb);
