"use client";

import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "./button";
import { FormError } from "./field";

interface ConfirmDeleteProps {
  /** What is deleted, in a few words: "this entry". */
  what: string;
  /** What else goes with it, said under the question. */
  detail?: string;
  onConfirm: () => void;
  busy?: boolean;
  error?: string;
}

/** A delete button that asks once more, in place, before anything is lost. */
export function ConfirmDelete({
  what,
  detail,
  onConfirm,
  busy = false,
  error,
}: ConfirmDeleteProps) {
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  // The first button is gone once asked: focus lands on the safe answer, not on the page.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete {what}
      </Button>
    );
  }
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
      <legend className="float-left w-full font-semibold">Delete {what} for good?</legend>
      <p className="text-sm">{detail ? `${detail} ` : ""}It can't be brought back afterwards.</p>
      <FormError message={error} />
      <div className="flex gap-3">
        <Button variant="danger" busy={busy} onClick={onConfirm} className="flex-1">
          Yes, delete
        </Button>
        <button
          ref={keep}
          type="button"
          onClick={() => setConfirming(false)}
          className={buttonClass("secondary", "flex-1")}
        >
          Keep it
        </button>
      </div>
    </fieldset>
  );
}
