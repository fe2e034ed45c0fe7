import "#server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The words patches/postgres+3.4.10.patch adds to each copy of the driver's connection code. */
const PATCH_MARK = "porsager/postgres#1154";

/** The driver keeps one copy for `import` (src/) and one for `require` (cjs/src/); both run here. */
const PATCHED_FILES = ["src/connection.js", "cjs/src/connection.js"];

/** The installed `postgres` package's folder, found the way Node finds it from here. */
export function postgresPackageDir(): string {
  // The package exports no package.json, so its entry point leads back to its root.
  const entry = createRequire(import.meta.url).resolve("postgres");
  return path.resolve(path.dirname(entry), "..", "..");
}

/**
 * Why the server must not start, or null when the postgres driver carries Rekindle's patch.
 * Without it, a write that lands just after the database closed the socket throws where
 * nothing can catch it, and the whole process stops (porsager/postgres#1154, #1208).
 */
export function postgresPatchProblem(dir: string = postgresPackageDir()): string | null {
  const unpatched = PATCHED_FILES.filter((file) => {
    try {
      return !readFileSync(path.join(dir, file), "utf8").includes(PATCH_MARK);
    } catch {
      return true;
    }
  });
  if (unpatched.length === 0) return null;
  return (
    `The postgres driver in ${dir} is missing Rekindle's patch (${unpatched.join(", ")}), ` +
    "so a lost database connection could crash the server. " +
    "Run `npx patch-package` (npm ci and npm install run it for you) and start again."
  );
}
