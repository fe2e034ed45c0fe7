export { stopPage as GET, stopPost as POST } from "@/server/http/doors/buddy-mail";
