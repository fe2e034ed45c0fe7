import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { guardConsole } from "@/server/http/console-guard";

/** A console that writes into an array, and the guarded lines beside it. */
function guarded() {
  const printed: string[] = [];
  const logged: string[] = [];
  const target = {
    error: (...args: unknown[]) => void printed.push(args.map(String).join(" ")),
    warn: (...args: unknown[]) => void printed.push(args.map(String).join(" ")),
  } as unknown as Console;
  guardConsole(target, (level, fields, message) =>
    logged.push(JSON.stringify({ level, message, ...fields })),
  );
  return { target, everything: () => [...printed, ...logged].join("\n"), logged };
}

const SESSION_HASH = "q9Zt2mK8xVbN4cR7sL1pW3eY6uH0jD5fG8aS2dF4gH6";

/** What Next.js does when a server component's session lookup fails mid-query. */
const failedLookup = () =>
  new DrizzleQueryError(
    'select "user_id" from "sessions" where "id_hash" = $1',
    [SESSION_HASH, "Dear diary, I miss them"],
    Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    }),
  );

describe("errors printed by Next.js and libraries", () => {
  it("reach the log as its JSON, with the SQL and none of the query's parameters", () => {
    const { target, everything, logged } = guarded();
    target.error(" ⨯", failedLookup());
    target.error(failedLookup());
    target.warn("Uncaught: middleware waitUntil errored", failedLookup());
    expect(everything()).not.toContain(SESSION_HASH);
    expect(everything()).not.toContain("Dear diary");
    expect(logged).toHaveLength(3);
    expect(logged[0]).toContain('select \\"user_id\\" from \\"sessions\\"');
    expect(logged[0]).toContain("57P01");
  });

  it("cut the parameters from a message printed as text", () => {
    const { target, everything } = guarded();
    target.error(`Error: ${failedLookup().message}`);
    expect(everything()).toContain("Failed query");
    expect(everything()).not.toContain(SESSION_HASH);
  });

  it("leave other lines alone", () => {
    const { target, everything } = guarded();
    target.warn("Rekindle was started without scripts/serve.ts");
    expect(everything()).toBe("Rekindle was started without scripts/serve.ts");
  });
});
