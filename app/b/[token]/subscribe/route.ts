export { subscribe as POST } from "@/server/http/doors/buddy";
