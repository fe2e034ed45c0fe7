import { bigint, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * Counters for rate-limiter-flexible's PostgreSQL store, in exactly the shape it would
 * create itself (it is told the table exists, so the schema stays in our migrations).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: varchar({ length: 255 }).primaryKey(),
    points: integer().notNull().default(0),
    /** When the counter resets, in milliseconds since the epoch; null for never. */
    expire: bigint({ mode: "number" }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
