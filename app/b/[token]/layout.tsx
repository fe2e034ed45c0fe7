import type { Metadata } from "next";

/** For the page and its 404 alike: never indexed, and the address never sent onwards. */
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function BuddyLayout({ children }: { children: React.ReactNode }) {
  return children;
}
