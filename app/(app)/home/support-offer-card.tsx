"use client";

import { useState } from "react";
import { Button } from "@/app/_components/button";
import { SUPPORT_LATER_COOKIE, SUPPORT_LATER_DAYS } from "./support-later";

/**
 * The offer's frame and its "Not now": hidden at once, and kept hidden for a few days by a
 * cookie the server reads, so Home doesn't show it for a moment before hiding it again.
 */
export function SupportOfferCard({
  userId,
  children,
}: {
  userId: string;
  children: React.ReactNode;
}) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const later = () => {
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is not in every browser this serves.
    document.cookie = `${SUPPORT_LATER_COOKIE}=${userId}; Max-Age=${SUPPORT_LATER_DAYS * 86_400}; Path=/; SameSite=Lax${secure}`;
    setHidden(true);
  };
  return (
    <section
      aria-labelledby="support-offer"
      className="flex flex-col gap-3 rounded-2xl border border-accent bg-accent-soft p-5"
    >
      {children}
      <Button variant="secondary" onClick={later}>
        Not now
      </Button>
    </section>
  );
}
