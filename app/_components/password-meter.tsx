"use client";

import { useEffect, useState } from "react";
import type { PasswordStrength } from "@/lib/strength";

const WORDS = ["Too easy to guess", "Easy to guess", "Okay", "Good", "Strong"] as const;

const SEGMENT_COLOURS = ["bg-danger", "bg-danger", "bg-accent", "bg-ok", "bg-ok"] as const;

/** The estimator is over a megabyte: it loads on the first keystroke, not with the page. */
const loadStrength = () => import("@/lib/strength");

/**
 * How hard the password being typed is to guess: five segments and a word, using the same
 * estimate as the server's rule, so "Okay" and up are accepted. Made of spans, so it can sit
 * inside a field's hint and be read out with the field.
 */
export function PasswordMeter({ password }: { password: string }) {
  const [level, setLevel] = useState<number | null>(null);

  useEffect(() => {
    if (!password) {
      setLevel(null);
      return;
    }
    let current = true;
    // A short pause, so a fast typist's every keystroke is not estimated.
    const timer = setTimeout(async () => {
      try {
        const { passwordStrength } = await loadStrength();
        const strength: PasswordStrength = await passwordStrength(password);
        if (current) setLevel(strength.common ? 0 : strength.score);
      } catch {
        if (current) setLevel(null); // offline: the server still checks on submit
      }
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password]);

  const shown = password ? level : null;
  return (
    <span className="flex items-center gap-3">
      <span aria-hidden="true" className="flex flex-1 gap-1">
        {WORDS.map((word, i) => (
          <span
            key={word}
            className={`h-1.5 flex-1 rounded-full ${
              shown !== null && i <= shown ? SEGMENT_COLOURS[shown] : "bg-line"
            }`}
          />
        ))}
      </span>
      <span
        aria-live="polite"
        className={`min-w-32 text-right text-sm font-medium ${
          shown !== null && shown < 2 ? "text-danger" : "text-ink"
        }`}
      >
        {shown === null ? (
          ""
        ) : (
          <>
            <span className="sr-only">Password strength: </span>
            {WORDS[shown]}
          </>
        )}
      </span>
    </span>
  );
}
