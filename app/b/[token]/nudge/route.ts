export { nudge as POST } from "@/server/http/doors/buddy";
