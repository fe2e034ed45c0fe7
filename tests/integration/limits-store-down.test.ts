import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signInPost } from "@/app/(auth)/sign-in/submit/route";
import { beforeSignIn } from "@/server/auth/throttle";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { LIMITS, Limits, PROCESS_LIMITS, RateLimitedError } from "@/server/limits";
import { setupTestDb } from "../helpers/db";
import { APP_ORIGIN, SAME_ORIGIN_HEADERS } from "../helpers/http";
import { createUser } from "../helpers/users";

/**
 * The shared limit store goes away (Redis at a port nobody answers): sign-in through its
 * real door must neither lock everyone out with a 503 nor stop counting wrong passwords.
 */
const t = setupTestDb();

/** Where server/limits.ts keeps the process's limits; this file swaps in a store that is down. */
const shared = globalThis as { [PROCESS_LIMITS]?: Promise<Limits> };
let before: Promise<Limits> | undefined;
let redis: Redis;
let down: Limits;

beforeAll(() => {
  redis = new Redis("redis://127.0.0.1:1", {
    maxRetriesPerRequest: 0,
    connectTimeout: 200,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  down = new Limits({ kind: "redis", redis });
  before = shared[PROCESS_LIMITS];
  shared[PROCESS_LIMITS] = Promise.resolve(down);
  pointEdgeAtDatabase(() => Promise.resolve(t.db));
  markServedByRekindle();
});

afterAll(() => {
  shared[PROCESS_LIMITS] = before;
  redis.disconnect();
});

const signIn = (email: string, password: string, address: string) =>
  signInPost(
    new Request(`${APP_ORIGIN}/sign-in/submit`, {
      method: "POST",
      headers: {
        ...SAME_ORIGIN_HEADERS,
        "content-type": "application/json",
        [CLIENT_IP_HEADER]: address,
      },
      body: JSON.stringify({ email, password }),
    }),
  );

describe("with the limit store down", () => {
  it("sign-in still locks out after five wrong passwords and still lets the right one in", async () => {
    expect(down.where()).toBe("memory (redis unreachable)");
    const sam = await createUser(t.db);
    const guesser = "198.51.100.171";

    for (let i = 0; i < LIMITS.signInFailuresPerAccount.points; i++) {
      const wrong = await signIn(sam.email, `not the password ${i}`, guesser);
      expect(wrong.status, `wrong password ${i + 1}`).toBe(401);
    }
    const locked = await signIn(sam.email, sam.password, guesser);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    // Counted by the store that is down, in its memory stand-in, not by some other store.
    await expect(beforeSignIn(sam.email, guesser, down)).rejects.toSatisfy(RateLimitedError.is);

    // The owner, from their own connection, signs in: a session cookie, not a 503.
    const owner = await signIn(sam.email, sam.password, "198.51.100.172");
    expect(owner.status).toBe(200);
    expect(owner.headers.getSetCookie().join(";")).toMatch(/session-token=/);
  });
});
