import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isConnectionError, loggableError } from "@/server/errors";

const withCode = (code: string, message = "boom", extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

/** How Drizzle hands a driver error to our code: wrapped, with the query's parameters. */
const wrapped = (cause: Error, params: unknown[] = []) =>
  new DrizzleQueryError('update "users" set "display_name" = $1', params, cause);

describe("telling a lost database from a bug", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "57P01", "08006"])(
    "%s means the database could not be reached, also inside Drizzle's wrapper",
    (code) => {
      expect(isConnectionError(withCode(code))).toBe(true);
      expect(isConnectionError(wrapped(withCode(code)))).toBe(true);
    },
  );

  it.each(["23505", "42P01", "22P02"])("%s is a bug or bad data, not an outage", (code) => {
    expect(isConnectionError(withCode(code))).toBe(false);
    expect(isConnectionError(wrapped(withCode(code)))).toBe(false);
  });

  it("is false for errors without a code and for things that are not errors", () => {
    expect(isConnectionError(new Error("ECONNREFUSED"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });
});

describe("what of an unexpected error is logged", () => {
  it("keeps the SQL, the code and the names, never the parameters or the failing row", () => {
    const driverError = withCode(
      "23514",
      'new row for relation "users" violates check constraint',
      {
        constraint_name: "users_name_check",
        table_name: "users",
        detail: "Failing row contains (Secret diary text, sam@example.com, $argon2id$v=19$...)",
      },
    );
    const logged = JSON.stringify(loggableError(wrapped(driverError, ["Secret diary text"])));
    expect(logged).toContain('Failed query: update \\"users\\" set \\"display_name\\" = $1');
    expect(logged).toContain('"code":"23514"');
    expect(logged).toContain('"constraint_name":"users_name_check"');
    expect(logged).toContain("violates check constraint");
    for (const secret of ["Secret diary text", "sam@example.com", "argon2id"]) {
      expect(logged).not.toContain(secret);
    }
  });

  it("withholds data-exception messages, which quote the offending value", () => {
    const driverError = withCode("22P02", 'invalid input syntax for type uuid: "my secret"');
    expect(JSON.stringify(loggableError(wrapped(driverError)))).not.toContain("my secret");
  });

  it("logs only the kind of something thrown that is not an Error", () => {
    expect(loggableError("a password")).toEqual({ type: "string" });
  });
});
