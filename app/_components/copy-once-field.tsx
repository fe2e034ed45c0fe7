"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * An address shown once (a buddy link, a calendar feed): a read-only box that selects
 * itself when touched, and a button that copies it. Where the clipboard is refused (an old
 * browser, a denied permission) the text is selected instead, so a long-press or Ctrl+C
 * still copies it. Give it a `key` of the value so a new address starts uncopied.
 */
export function CopyOnceField({
  id,
  label,
  value,
  copyLabel,
  copiedMessage,
}: {
  id: string;
  label: string;
  value: string;
  /** The button's words before copying, e.g. "Copy link". */
  copyLabel: string;
  /** What a screen reader hears once it is copied, e.g. "Link copied". */
  copiedMessage: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-12 w-full rounded-xl border border-line bg-canvas px-4 text-base"
      />
      <Button
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            const input = document.getElementById(id);
            if (input instanceof HTMLInputElement) input.select();
          }
        }}
      >
        {copied ? "Copied" : copyLabel}
      </Button>
      <p role="status" className="sr-only">
        {copied ? copiedMessage : ""}
      </p>
    </>
  );
}
