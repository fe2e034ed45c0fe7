export { encourage as POST } from "@/server/http/doors/buddy";
