import "#server-only";
import { env } from "@/server/env";

/** The address people can write to about this Rekindle, for the public pages; null when unset. */
export function contactAddress(): string | null {
  return env().CONTACT_EMAIL ?? null;
}
