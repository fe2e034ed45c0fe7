import "#server-only";
import { env } from "@/server/env";

/**
 * Where links in mails start: APP_URL (required in production when mail is on), or in
 * development the origin this request came to. Its own module, free of `next/server`, so
 * the Pages Router's buddy page can use it too.
 */
export function linkBase(headers: Headers): string {
  const configured = env().APP_URL;
  if (configured) return configured;
  const origin = headers.get("origin");
  if (origin && URL.canParse(origin)) return new URL(origin).origin;
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${headers.get("host") ?? "localhost"}`;
}
