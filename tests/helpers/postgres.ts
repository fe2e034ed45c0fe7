import postgres from "postgres";

/** Every database the tests create starts with this, so a teardown can find them all. */
export const TEST_DATABASE_PREFIX = "rekindle_test_";

/**
 * A run's own prefix, carrying the pid of the process that runs the global setup: two
 * runs on one server (two developers, or a developer and CI) never touch each other's
 * databases, and leftovers of a run whose process is gone can be recognised and dropped.
 */
export const runPrefix = (pid = process.pid) => `${TEST_DATABASE_PREFIX}${pid}_`;

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set; the PostgreSQL suites cannot run.");
  return url;
}

/** The same server and credentials as TEST_DATABASE_URL, another database. */
export function urlForDatabase(name: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A one-connection client on TEST_DATABASE_URL's own database, for CREATE/DROP DATABASE. */
export async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops a database, ending any session still connected to it. */
export function dropDatabase(sql: postgres.Sql, name: string) {
  return sql`drop database if exists ${sql(name)} with (force)`;
}

/** Creates an empty database, or a copy of `template`. */
export async function createDatabase(sql: postgres.Sql, name: string, template?: string) {
  await dropDatabase(sql, name);
  if (template) await sql`create database ${sql(name)} template ${sql(template)}`;
  else await sql`create database ${sql(name)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops this run's databases, and those of earlier runs whose process has ended. */
export async function dropTestDatabases(sql: postgres.Sql): Promise<void> {
  const rows = await sql<{ datname: string }[]>`
    select datname from pg_database
    where starts_with(datname, ${TEST_DATABASE_PREFIX}) and datname <> current_database()`;
  for (const { datname } of rows) {
    const pid = Number(/^rekindle_test_(\d+)_/.exec(datname)?.[1]);
    if (datname.startsWith(runPrefix()) || !pid || !isAlive(pid)) await dropDatabase(sql, datname);
  }
}
