import type { Metadata } from "next";
import { LinkGone } from "@/app/b/notices";

/** Where proxy.ts sends a dead buddy link, with status 404: readable without JavaScript. */
export const metadata: Metadata = {
  title: "Link no longer works",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default LinkGone;
