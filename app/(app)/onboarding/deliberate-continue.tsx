"use client";

import { useState } from "react";
import { Button } from "@/app/_components/button";

/**
 * Going on when the answers advise against it: a quiet link first, then a short word of care
 * and the real button, so it always takes a second, deliberate tap.
 */
export function DeliberateContinue({
  ask,
  care,
  onContinue,
}: {
  ask: string;
  care: string;
  onContinue: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="self-start text-sm text-muted underline underline-offset-4"
        onClick={() => setConfirming(true)}
      >
        {ask}
      </button>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line p-4">
      <p>{care}</p>
      <Button variant="secondary" onClick={onContinue}>
        I understand, continue
      </Button>
    </div>
  );
}
