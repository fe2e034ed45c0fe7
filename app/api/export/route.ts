export { exportData as GET } from "@/server/http/doors/export";

export const dynamic = "force-dynamic";
