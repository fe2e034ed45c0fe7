import "#server-only";
import { env } from "@/server/env";
import { type OutboxMail, readOutbox } from "@/server/mail";

/**
 * The development outbox page's data: the mails Rekindle would have sent, and the folder
 * they are in, or null in production, where the page does not exist.
 */
export async function devOutbox(): Promise<{ dir: string; mails: OutboxMail[] } | null> {
  const e = env();
  if (e.NODE_ENV === "production") return null;
  return { dir: e.MAIL_OUTBOX_DIR, mails: await readOutbox() };
}

/** Outside production, pages may point to the outbox, where the mail they promise lands. */
export const mailGoesToOutbox = (): boolean => env().NODE_ENV !== "production";
