export { forgotPasswordDoor as POST } from "@/server/http/doors/auth";
