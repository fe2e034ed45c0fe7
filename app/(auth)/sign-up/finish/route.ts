export { finishSignUpDoor as POST } from "@/server/http/doors/auth";
