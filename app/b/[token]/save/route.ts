export { save as POST } from "@/server/http/doors/buddy";
