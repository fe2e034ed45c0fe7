export { health as GET } from "@/server/http/doors/health";

export const dynamic = "force-dynamic";
