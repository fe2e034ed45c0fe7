import { defineConfig } from "drizzle-kit";
import { env } from "./server/env";

// drizzle-kit reads DATABASE_URL from the same environment and .env files as the app.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  dbCredentials: { url: env().DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
