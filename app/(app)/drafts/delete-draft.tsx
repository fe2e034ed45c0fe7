"use client";

import { useState } from "react";
import { Button } from "@/app/_components/button";

/** "Delete draft", asked once more in place before the draft is gone. */
export function DeleteDraft({
  busy,
  disabled,
  onConfirm,
}: {
  busy: boolean;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="quiet" onClick={() => setConfirming(true)} disabled={disabled}>
        Delete draft
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
      <p>Delete this draft for good? It can't be brought back.</p>
      <div className="flex gap-3">
        <Button variant="danger" busy={busy} onClick={onConfirm} className="flex-1">
          Yes, delete it
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} className="flex-1">
          Keep it
        </Button>
      </div>
    </div>
  );
}
