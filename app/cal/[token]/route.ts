export { calendarFeed as GET } from "@/server/http/doors/calendar";

export const dynamic = "force-dynamic";
