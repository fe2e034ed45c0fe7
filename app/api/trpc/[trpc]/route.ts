export { trpc as GET, trpc as POST } from "@/server/http/doors/trpc";
