export { confirmPage as GET, confirmPost as POST } from "@/server/http/doors/buddy-mail";
