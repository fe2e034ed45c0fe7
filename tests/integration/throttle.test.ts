import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { afterFailedSignIn, afterSignIn, beforeSignIn } from "@/server/auth/throttle";
import { Limits, RateLimitedError } from "@/server/limits";
import { setupTestDb, workerPostgresUrl } from "../helpers/db";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();
const closers: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

/** One app instance's view of the limits: memory on PGlite, its own pool on PostgreSQL. */
function instance(): Limits {
  if (t.kind === "pglite") return new Limits({ kind: "memory" });
  const sql = postgres(workerPostgresUrl(), { max: 2, onnotice: () => {} });
  closers.push(() => sql.end({ timeout: 5 }));
  return new Limits({ kind: "postgres", sql });
}

async function refusal(attempt: Promise<unknown>): Promise<RateLimitedError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe("sign-in throttling", () => {
  it("locks an e-mail out from one address after five failures, for 15 minutes", async () => {
    const l = instance();
    for (let i = 0; i < 5; i++) {
      await beforeSignIn("robin@example.com", "198.51.100.1", l);
      await afterFailedSignIn("robin@example.com", "198.51.100.1", l);
    }
    const error = await refusal(beforeSignIn("Robin@Example.com ", "198.51.100.1", l));
    expect(error.message).toBe(
      "Too many attempts to sign in to this account. Please try again in 15 minutes.",
    );
    expect(error.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The right password from another address still gets through.
    await expect(beforeSignIn("robin@example.com", "203.0.113.9", l)).resolves.toBeUndefined();
    // And another account from the first address too.
    await expect(beforeSignIn("sam@example.com", "198.51.100.1", l)).resolves.toBeUndefined();
  });

  it("doubles the lockout each time it is reached again", async () => {
    const l = instance();
    const fail = () => afterFailedSignIn("kai@example.com", "198.51.100.2", l);
    for (let i = 0; i < 5; i++) await fail();
    const first = await refusal(beforeSignIn("kai@example.com", "198.51.100.2", l));
    // The lockout ends (its counter is forgotten here as if 15 minutes passed)…
    await l.reset("signInFailuresPerAccount", "kai@example.com|198.51.100.2");
    for (let i = 0; i < 5; i++) await fail();
    const second = await refusal(beforeSignIn("kai@example.com", "198.51.100.2", l));
    expect(second.retryAfterSeconds).toBeGreaterThan(first.retryAfterSeconds * 1.9);
    expect(second.message).toContain("30 minutes");
  });

  it("forgets the failures before a right password", async () => {
    const l = instance();
    for (let i = 0; i < 4; i++) await afterFailedSignIn("lee@example.com", "198.51.100.3", l);
    await afterSignIn("lee@example.com", "198.51.100.3", l);
    for (let i = 0; i < 4; i++) await afterFailedSignIn("lee@example.com", "198.51.100.3", l);
    await expect(beforeSignIn("lee@example.com", "198.51.100.3", l)).resolves.toBeUndefined();
  });

  it("stops one address trying many accounts", async () => {
    const l = instance();
    for (let i = 0; i < 50; i++) {
      await afterFailedSignIn(`person${i}@example.com`, "198.51.100.4", l);
    }
    const error = await refusal(beforeSignIn("new@example.com", "198.51.100.4", l));
    expect(error.message).toContain("from your connection");
  });

  // Skipped on PGlite: two app instances need a database both can reach.
  it.runIf(t.kind === "postgres")(
    "holds when the failures are spread over two app instances",
    async () => {
      const [one, two] = [instance(), instance()];
      for (let i = 0; i < 5; i++) {
        await afterFailedSignIn("ari@example.com", "198.51.100.5", i % 2 ? one : two);
      }
      await refusal(beforeSignIn("ari@example.com", "198.51.100.5", one));
      await refusal(beforeSignIn("ari@example.com", "198.51.100.5", two));
    },
  );
});

describe("asking for the password again in settings", () => {
  it("counts wrong guesses with sign-in, so a stolen session can't guess on and on", async () => {
    const user = await signedInUser(t.db);
    for (let i = 0; i < 5; i++) {
      await expect(
        user.caller.account.deleteAccount({ password: `not it ${i}` }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      user.caller.account.changePassword({
        currentPassword: user.password,
        newPassword: "a brand new calm walk 4f3e",
      }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many attempts to sign in to this account. Please try again in 15 minutes.",
    });
    // Nothing changed: the account and the old password are still there.
    expect((await user.caller.account.me()).email).toBe(user.email);
  });
});
