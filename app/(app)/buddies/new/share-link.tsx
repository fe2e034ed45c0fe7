"use client";

import { useEffect, useState } from "react";
import { Button } from "@/app/_components/button";

/**
 * Share the new link the way the phone shares (the Web Share API: Messages, WhatsApp, mail),
 * where the browser has it; elsewhere nothing shows, and the copy button beside it is the
 * way. Known only after hydration, since the server can't tell what the device offers.
 */
export function ShareLink({ url }: { url: string }) {
  const [canShare, setCanShare] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setCanShare(typeof navigator.share === "function");
  }, []);
  if (!canShare) return null;

  async function share() {
    setFailed(false);
    try {
      await navigator.share({ text: "Here's my link, so you can follow along.", url });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if ((error as { name?: string }).name !== "AbortError") setFailed(true);
    }
  }

  return (
    <>
      <Button onClick={share}>Share link</Button>
      {failed ? (
        <p role="status" className="text-sm text-muted">
          Sharing didn't work here. Copy the link below instead.
        </p>
      ) : null}
    </>
  );
}
