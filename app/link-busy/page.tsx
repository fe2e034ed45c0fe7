import type { Metadata } from "next";
import { LinkBusy } from "@/app/b/notices";

/** Where proxy.ts sends a buddy page opened too often, with status 429 and Retry-After. */
export const metadata: Metadata = {
  title: "A short pause",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function LinkBusyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { wait } = await searchParams;
  const minutes = Math.min(60, Math.max(1, Number(typeof wait === "string" ? wait : 1) || 1));
  return <LinkBusy minutes={minutes} />;
}
