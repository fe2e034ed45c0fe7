import "#server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import type postgres from "postgres";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { getDatabase } from "@/server/db";
import { limitKeyForAddress } from "./client-ip";
import { env } from "./env";
import { AppError } from "./errors";

/**
 * Every limit Rekindle enforces: how many tries, over how many seconds, and what a person
 * reads when they reach it. Counted per key (an address, a link), whichever instance
 * answers the request.
 */
export const LIMITS = {
  /** Buddy pages opened from one address: far above a friend's use, far below guessing. */
  buddyLookup: {
    points: 60,
    duration: 60,
    message: "This page was opened many times from your connection.",
  },
  /**
   * Calendar feeds fetched from one address: calendar apps refresh a feed every few
   * minutes at most, so this leaves room for several feeds and stops anyone guessing.
   */
  calendarLookup: {
    points: 60,
    duration: 60 * 60,
    message: "This calendar was fetched many times from your connection.",
  },
  /** Encouragements one link receives in a day. */
  buddyMessagePerLink: {
    points: 20,
    duration: 24 * 60 * 60,
    message: "This link has received a lot of messages today.",
  },
  /** Encouragements and nudges sent from one address in an hour. */
  buddyMessagePerAddress: {
    points: 10,
    duration: 60 * 60,
    message: "You've sent a lot of messages for now.",
  },
  /** Password-reset mails asked for from one address. */
  passwordResetPerAddress: {
    points: 5,
    duration: 15 * 60,
    message: "There have been a lot of reset requests from your connection.",
  },
  /**
   * Password-reset mails asked for one e-mail address, whether or not an account uses it,
   * so the answer says nothing about which addresses have accounts.
   */
  passwordResetPerEmail: {
    points: 3,
    duration: 60 * 60,
    message: "You've asked for several reset links for that address.",
  },
  /**
   * Failed sign-ins for one e-mail from one address in a row. Reaching it locks that pair
   * out for 15 minutes, doubling with each lockout in a day (server/auth/throttle.ts).
   */
  signInFailuresPerAccount: {
    points: 5,
    duration: 15 * 60,
    message: "Too many attempts to sign in to this account.",
  },
  /** How often one e-mail and address pair was locked out in the last day. */
  signInLockouts: {
    points: 1000,
    duration: 24 * 60 * 60,
    message: "Too many attempts to sign in to this account.",
  },
  /** Failed sign-ins from one address, whatever the e-mail: someone trying many accounts. */
  signInFailuresPerAddress: {
    points: 50,
    duration: 60 * 60,
    message: "Too many attempts to sign in from your connection.",
  },
  /** Accounts made from one address in an hour. */
  signUpPerAddress: {
    points: 10,
    duration: 60 * 60,
    message: "Many accounts were made from your connection just now.",
  },
  /**
   * Sign-up mails to one address (a link to finish, or "you already have an account"):
   * the address has proved nothing yet, so it gets one mail per 15 minutes whoever asks.
   * Past it the form answers as always and nothing is sent.
   */
  signUpMailPerEmail: {
    points: 1,
    duration: 15 * 60,
    message: "A sign-up mail was sent to that address a moment ago.",
  },
  /**
   * Confirming mails for a buddy's e-mail updates to one address: like sign-up mail, the
   * address has proved nothing yet, so it gets one per 15 minutes whoever asks.
   */
  buddyMailPerEmail: {
    points: 1,
    duration: 15 * 60,
    message: "A confirming mail was sent to that address a moment ago.",
  },
  /** Stop links opened or posted from one address: a mail provider's server posts many. */
  mailStop: {
    points: 120,
    duration: 60,
    message: "Many stop links were opened from your connection.",
  },
  /**
   * Imports tried by one address, and into one account: a real move takes one or two (a
   * file refused, fixed, sent again); each try parses a file of up to 16 MB.
   */
  accountImport: {
    points: 10,
    duration: 60 * 60,
    message: "There have been a lot of imports tried just now.",
  },
} as const satisfies Record<string, { points: number; duration: number; message: string }>;

export type LimitName = keyof typeof LIMITS;

/** A limit was reached: the person waits `retryAfterSeconds` (sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_REQUESTS", message);
    this.name = "RateLimitedError";
  }

  /**
   * Recognises the error by its shape: proxy.ts is bundled apart from the routes, so a
   * class from one bundle is not `instanceof` the same class from the other.
   */
  static is(error: unknown): error is RateLimitedError {
    return (
      error instanceof Error &&
      error.name === "RateLimitedError" &&
      typeof (error as Partial<RateLimitedError>).retryAfterSeconds === "number"
    );
  }
}

function waitWords(seconds: number): string {
  if (seconds <= 60) return "Please wait a minute and try again.";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `Please try again in ${minutes} minutes.`;
  const hours = Math.ceil(minutes / 60);
  return `Please try again in ${hours} hours.`;
}

/** Where the counters live. One memory store serves one process: the embedded database. */
export type LimitStore =
  | { kind: "memory" }
  | { kind: "postgres"; sql: postgres.Sql }
  | { kind: "redis"; redis: Redis };

/** rate-limiter-flexible speaks to `pg`; this is the one call it makes, on `postgres`. */
function pgShapedClient(sql: postgres.Sql) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const rows = await sql.unsafe(q.text, (q.values ?? []) as postgres.ParameterOrJSON<never>[]);
      return { rows, rowCount: rows.count };
    },
  };
}

function makeLimiter(store: LimitStore, name: LimitName): RateLimiterAbstract {
  const { points, duration } = LIMITS[name];
  const common = { keyPrefix: name, points, duration };
  switch (store.kind) {
    case "memory":
      return new RateLimiterMemory(common);
    // A shared store that cannot answer must not lock everyone out: while it is away, each
    // process counts in its own memory (the insurance limiter), so limits still hold per
    // process and sign-in keeps working.
    case "postgres":
      // The table comes from the migrations (db/schema/limits), so no CREATE at run time.
      return new RateLimiterPostgres({
        ...common,
        storeClient: pgShapedClient(store.sql),
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory(common),
      });
    case "redis":
      return new RateLimiterRedis({
        ...common,
        storeClient: store.redis,
        // Not ready (down, reconnecting): straight to the insurance, no queued wait.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(common),
      });
  }
}

/** Keys are hashed: the counters never hold an address or a link id in the clear. */
const keyOf = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 32);

export class Limits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();

  constructor(readonly store: LimitStore) {}

  /**
   * Where the counts go now, for the health check: the shared store, or, while Redis is
   * away, each process's own memory (the insurance limiter).
   */
  where(): "memory" | "postgres" | "redis" | "memory (redis unreachable)" {
    if (this.store.kind !== "redis") return this.store.kind;
    return this.store.redis.status === "ready" ? "redis" : "memory (redis unreachable)";
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = makeLimiter(this.store, name);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Counts one try against `key`; throws RateLimitedError once the limit is reached. */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiter(name).consume(keyOf(key));
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new RateLimitedError(`${LIMITS[name].message} ${waitWords(seconds)}`, seconds);
      }
      throw e;
    }
  }

  /** Refuses, without counting, when `key` has already used up its tries. */
  async check(name: LimitName, key: string): Promise<void> {
    const res = await this.limiter(name).get(keyOf(key));
    if (res && res.consumedPoints >= LIMITS[name].points && res.msBeforeNext > 0) {
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new RateLimitedError(`${LIMITS[name].message} ${waitWords(seconds)}`, seconds);
    }
  }

  /** Counts one try and answers how many `key` has used, never refusing. */
  async count(name: LimitName, key: string): Promise<number> {
    try {
      return (await this.limiter(name).penalty(keyOf(key), 1)).consumedPoints;
    } catch (e) {
      if (e instanceof RateLimiterRes) return e.consumedPoints;
      throw e;
    }
  }

  /** Shuts `key` out for `seconds`, whatever it has used. */
  async block(name: LimitName, key: string, seconds: number): Promise<void> {
    await this.limiter(name).block(keyOf(key), seconds);
  }

  /** Forgets `key`'s count (a successful sign-in clears the failures before it). */
  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).delete(keyOf(key));
  }

  /** Counts one try against each key in turn, stopping at the first limit reached. */
  async consumeAll(tries: [LimitName, string][]): Promise<void> {
    for (const [name, key] of tries) await this.consume(name, key);
  }
}

/**
 * The process's limits: Redis when REDIS_URL is set, else the PostgreSQL database, else
 * memory (the embedded database allows one process). Kept on globalThis: proxy.ts, the
 * Pages Router page and the routes are separate bundles, each with its own copy of this
 * module, and one budget (a buddy token's lookups, say) must hold across all of them. In
 * memory that means one set of counters per process, whichever bundle counts.
 */
export const PROCESS_LIMITS = Symbol.for("rekindle.limits");
const shared = globalThis as { [PROCESS_LIMITS]?: Promise<Limits> };

export function limits(): Promise<Limits> {
  if (!shared[PROCESS_LIMITS]) {
    const opening = (async () => {
      const e = env();
      if (e.REDIS_URL) {
        const redis = new Redis(e.REDIS_URL, { maxRetriesPerRequest: 1 });
        return new Limits({ kind: "redis", redis });
      }
      if (!e.DATABASE_URL) return new Limits({ kind: "memory" });
      const { sql } = await getDatabase();
      return new Limits(sql ? { kind: "postgres", sql } : { kind: "memory" });
    })();
    opening.catch(() => {
      if (shared[PROCESS_LIMITS] === opening) shared[PROCESS_LIMITS] = undefined;
    });
    shared[PROCESS_LIMITS] = opening;
  }
  return shared[PROCESS_LIMITS];
}

/**
 * Counts one encouragement or nudge: per sending address, then per link, so one person
 * can't flood a link and many people can't flood one owner.
 */
export async function countBuddyMessage(address: string, linkId: string): Promise<void> {
  await (await limits()).consumeAll([
    ["buddyMessagePerAddress", limitKeyForAddress(address)],
    ["buddyMessagePerLink", linkId],
  ]);
}

/** Counts one buddy page opened from this address. */
export async function countBuddyLookup(address: string): Promise<void> {
  await (await limits()).consume("buddyLookup", limitKeyForAddress(address));
}

/** Counts one calendar feed fetched from this address. */
export async function countCalendarLookup(address: string): Promise<void> {
  await (await limits()).consume("calendarLookup", limitKeyForAddress(address));
}
