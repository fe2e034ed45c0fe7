import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Three projects:
 * - `unit`: pure rules, no database.
 * - `integration-pglite`: every integration suite on PGlite, always.
 * - `integration-postgres`: the same suites again on a real PostgreSQL, only when
 *   TEST_DATABASE_URL is set (CI sets it).
 *
 * Integration projects do not isolate files: each worker opens one database (a PGlite
 * loaded from a migrated snapshot, or its own PostgreSQL database cloned from a migrated
 * template) and reuses it for every file it runs; tests/helpers/db.ts empties every table
 * before each test. Opening a database per file would cost about a second each.
 */
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

const integration = (db: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration-${db}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB: db },
    globalSetup: [`tests/helpers/global-setup-${db}.ts`],
    isolate: false,
    // argon2 hashing and opening a database are slow next to a unit test.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${import.meta.dirname}/` }],
  },
  test: {
    pool: "forks",
    restoreMocks: true,
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "rekindle-test-secret-not-for-production-0123456789",
      LOG_LEVEL: "silent",
    },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      ...(testDatabaseUrl ? [integration("postgres")] : []),
    ],
  },
});
