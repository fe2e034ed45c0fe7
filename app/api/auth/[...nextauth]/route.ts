// Auth.js's own endpoints are closed; see authjsEndpoint for why.
export { authjsEndpoint as GET, authjsEndpoint as POST } from "@/server/http/doors/auth";
