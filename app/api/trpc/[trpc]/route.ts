import { getDb } from "@/server/db";
import { handleTrpcRequest } from "@/server/trpc/http";

const handler = (req: Request) => handleTrpcRequest(req, getDb);

export { handler as GET, handler as POST };
