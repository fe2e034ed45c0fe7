import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { afterFailedSignIn, beforeSignIn } from "@/server/auth/throttle";
import { LIMITS, Limits, RateLimitedError } from "@/server/limits";
import { setupTestDb, workerPostgresUrl } from "../helpers/db";

const t = setupTestDb();
/** Pools and clients the tests open, closed after the file. */
const closers: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));
const { points } = LIMITS.buddyMessagePerAddress;

/** Tries `count` times at once, spread over the instances; how many got through. */
async function allowed(instances: Limits[], key: string, count: number) {
  const results = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      // biome-ignore lint/style/noNonNullAssertion: i % length is always an index
      instances[i % instances.length]!.consume("buddyMessagePerAddress", key),
    ),
  );
  for (const r of results) {
    if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RateLimitedError);
  }
  return results.filter((r) => r.status === "fulfilled").length;
}

describe("rate limits", () => {
  it("let the allowed number through, then refuse with the wait in words and seconds", async () => {
    const limits = new Limits({ kind: "memory" });
    const key = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < points; i++) await limits.consume("buddyMessagePerAddress", key);
    const refused = await limits.consume("buddyMessagePerAddress", key).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const error = refused as RateLimitedError;
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.retryAfterSeconds).toBeGreaterThan(50 * 60);
    expect(error.message).toMatch(/try again in (60 minutes|1 hours)/);
    // Another address is not affected.
    await expect(limits.consume("buddyMessagePerAddress", "203.0.113.5")).resolves.toBeUndefined();
  });

  // Skipped on PGlite: the PostgreSQL store needs a server two pools can share.
  describe.runIf(t.kind === "postgres")("on PostgreSQL", () => {
    const instance = () => {
      const sql = postgres(workerPostgresUrl(), { max: 3, onnotice: () => {} });
      closers.push(() => sql.end({ timeout: 5 }));
      return new Limits({ kind: "postgres", sql });
    };

    it("holds across two app instances sharing the database, even when tries race", async () => {
      const [one, two] = [instance(), instance()];
      expect(await allowed([one, two], "198.51.100.20", points + 6)).toBe(points);
      // Both instances now refuse the same address.
      await expect(one.consume("buddyMessagePerAddress", "198.51.100.20")).rejects.toThrow(
        RateLimitedError,
      );
      await expect(two.consume("buddyMessagePerAddress", "198.51.100.20")).rejects.toThrow(
        RateLimitedError,
      );
    });

    it("keeps only hashes of the keys it counts", async () => {
      const limits = instance();
      await limits.consume("buddyLookup", "198.51.100.77");
      const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^buddyLookup:/);
      expect(keys[0]).not.toContain("198.51.100.77");
    });
  });

  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  // Skipped on PGlite: Redis runs beside PostgreSQL (here and in CI), so this runs once, there.
  describe.runIf(t.kind === "postgres")("on Redis", () => {
    it("holds across two app instances sharing Redis", async () => {
      // Connected first: until Redis is ready, each instance counts in its own memory.
      const connect = async () => {
        const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
        closers.push(() => redis.quit());
        if (redis.status !== "ready") await new Promise((ready) => redis.once("ready", ready));
        const limits = new Limits({ kind: "redis", redis });
        expect(limits.where()).toBe("redis");
        return limits;
      };
      const [one, two] = await Promise.all([connect(), connect()]);
      const key = `198.51.100.${randomUUID()}`;
      expect(await allowed([one, two], key, points + 6)).toBe(points);
    });
  });

  describe("while the shared store is away", () => {
    it("still count per process, so sign-in stays limited and keeps working", async () => {
      // A Redis nobody answers at: every command fails, as during an outage.
      const redis = new Redis("redis://127.0.0.1:1", {
        maxRetriesPerRequest: 0,
        connectTimeout: 200,
        retryStrategy: () => null,
      });
      redis.on("error", () => {});
      const down = new Limits({ kind: "redis", redis });
      try {
        const email = `away-${randomUUID()}@example.com`;
        const address = "198.51.100.201";
        for (let i = 0; i < LIMITS.signInFailuresPerAccount.points; i++) {
          await beforeSignIn(email, address, down);
          await afterFailedSignIn(email, address, down);
        }
        await expect(beforeSignIn(email, address, down)).rejects.toSatisfy(RateLimitedError.is);
        // The right person from elsewhere is not locked out by the stranger's guesses.
        await expect(beforeSignIn(email, "198.51.100.202", down)).resolves.toBeUndefined();
        // And the health check can say where the counts are going.
        expect(down.where()).toBe("memory (redis unreachable)");
      } finally {
        redis.disconnect();
      }
    });
  });
});
