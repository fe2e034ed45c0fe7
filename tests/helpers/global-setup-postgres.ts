import type { TestProject } from "vitest/node";
import { postgresDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  createDatabase,
  dropTestDatabases,
  runPrefix,
  urlForDatabase,
  withAdmin,
} from "./postgres";
import "./provided";

/**
 * Migrates a template database once per run; each worker then clones its own database
 * from it (tests/helpers/db.ts), which takes milliseconds instead of a migration each.
 */
export default async function setup(project: TestProject) {
  const TEMPLATE_DATABASE = `${runPrefix()}template`;
  await withAdmin(async (sql) => {
    await dropTestDatabases(sql);
    await createDatabase(sql, TEMPLATE_DATABASE);
  });
  const url = urlForDatabase(TEMPLATE_DATABASE);
  const database = postgresDatabase(url, 1);
  try {
    await migrateDatabase(database, url);
  } finally {
    await database.close();
  }
  project.provide("postgresTemplate", TEMPLATE_DATABASE);
  project.provide("postgresRunPrefix", runPrefix());

  return async () => {
    await withAdmin(dropTestDatabases);
  };
}
