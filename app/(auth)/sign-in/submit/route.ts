export { signInDoor as POST } from "@/server/http/doors/auth";
