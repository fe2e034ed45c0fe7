import "#server-only";
import { log } from "./log";

/**
 * What reminder mails and a buddy's notes share as jobs (server/reminders, server/digests):
 * how a failed send is retried, and how a runner works through what it claims.
 */

/** A mail that fails is tried this many times in all, further apart each time. */
export const MAX_MAIL_ATTEMPTS = 3;
const RETRY_AFTER_MS = 5 * 60_000;
/** Rows one runner claims at a time: a slow mail server holds up no more than these. */
export const CLAIM_BATCH = 25;

/** The job's next state after its mail failed: pending again a little later, or failed. */
export type AfterFailure = { status: "failed" } | { status: "pending"; dueAt: Date };

/**
 * Logs a failed send by its kind and SMTP codes only (a mail error's message can quote the
 * address) and says what becomes of the job.
 */
export function afterMailFailure(
  e: unknown,
  job: { kind: string; attempts: number },
  now: Date,
  message: string,
): AfterFailure {
  const error = e as { name?: unknown; code?: unknown; responseCode?: unknown };
  log.warn(
    {
      kind: job.kind,
      attempt: job.attempts,
      error: { type: error.name, code: error.code, responseCode: error.responseCode },
    },
    message,
  );
  if (job.attempts >= MAX_MAIL_ATTEMPTS) return { status: "failed" };
  return { status: "pending", dueAt: new Date(now.getTime() + RETRY_AFTER_MS * job.attempts) };
}

/**
 * Claims a batch, delivers each row, and claims again while batches come back full.
 * Answers how many rows ended in each outcome.
 */
export async function deliverClaimed<Row, Outcome extends string>(
  claim: () => Promise<Row[]>,
  deliver: (row: Row) => Promise<Outcome>,
): Promise<Partial<Record<Outcome, number>>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (let claimed = await claim(); claimed.length > 0; ) {
    for (const row of claimed) {
      const outcome = await deliver(row);
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    claimed = claimed.length < CLAIM_BATCH ? [] : await claim();
  }
  return counts;
}
