export { signUpDoor as POST } from "@/server/http/doors/auth";
