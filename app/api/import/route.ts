export { importData as POST } from "@/server/http/doors/import";

export const dynamic = "force-dynamic";
