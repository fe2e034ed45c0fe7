import type { NextRequest } from "next/server";
import { authjs } from "@/server/auth/config";

export const GET = (req: NextRequest) => authjs().handlers.GET(req);
export const POST = (req: NextRequest) => authjs().handlers.POST(req);
