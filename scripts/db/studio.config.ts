/**
 * Drizzle Studio's settings, used by `npm run db:studio`: the PostgreSQL server when
 * DATABASE_URL is set, else the embedded database, which this process then holds alone.
 */
import { existsSync } from "node:fs";
import { defineConfig } from "drizzle-kit";
import { lockPgliteDir, PgliteLockedError } from "../../db/pglite-lock";
import { env } from "../../server/env";

const e = env();
const common = {
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  casing: "snake_case",
} as const;

function embedded(dir: string) {
  if (!existsSync(dir)) {
    throw new Error(
      `There is no embedded database at ${dir} yet: start Rekindle once (npm run dev) or run npm run db:seed.`,
    );
  }
  // PGlite keeps no lock of its own: two processes writing one directory corrupt it. This
  // process is the one that opens it, so it takes the same lock the server takes.
  try {
    lockPgliteDir(dir);
  } catch (error) {
    if (!(error instanceof PgliteLockedError)) throw error;
    throw new Error(
      `Drizzle Studio cannot open the embedded database at ${dir} while another process has ` +
        "it open (usually `npm run dev` or `npm start`): it allows one process at a time. " +
        "Stop the server, run npm run db:studio, and start the server again once you close Studio.\n" +
        error.message,
    );
  }
  return defineConfig({ ...common, driver: "pglite", dbCredentials: { url: dir } });
}

export default e.DATABASE_URL
  ? defineConfig({ ...common, dbCredentials: { url: e.DATABASE_URL } })
  : embedded(e.PGLITE_DATA_DIR);
