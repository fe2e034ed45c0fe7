"use client";

import { useId } from "react";
import type { DraftStep } from "@/lib/schemas/drafts";

export type Answer = "yes" | "no";
type Check = DraftStep["checks"][number];

/**
 * Said when an answer isn't the healthy one: what the healthy answer is, kindly, and that
 * nothing happens until the person decides.
 */
function gentleNote(check: Check): string {
  return check.good === "yes"
    ? "Worth a second look. Messages land most gently when the answer here is “yes”. You could soften it and answer again; nothing is sent until you decide."
    : "Worth a second look. Messages land most gently when the answer here is “no”. You could take that part out and answer again; nothing is sent until you decide.";
}

/** The step's questions to answer before sending, beside the draft (below it on a phone). */
export function SelfChecks({
  checks,
  answers,
  sent,
  disabled,
  onAnswer,
}: {
  checks: DraftStep["checks"];
  answers: Record<string, Answer>;
  /** Once sent, the answers stay to read and can't change. */
  sent: boolean;
  disabled: boolean;
  onAnswer: (key: string, value: Answer) => void;
}) {
  const ids = useId();
  return (
    <section
      aria-labelledby={`${ids}-checks`}
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4"
    >
      <div>
        <h2 id={`${ids}-checks`} className="text-lg font-bold">
          {sent ? "Your answers" : "Before you send it"}
        </h2>
        <p className="text-sm text-muted">
          {sent
            ? "What you noticed when you read it again."
            : "Read it once more and answer honestly. Only you see this."}
        </p>
      </div>
      {checks.map((check) => {
        const chosen = answers[check.key];
        const off = chosen !== undefined && chosen !== check.good;
        const noteId = `${ids}-${check.key}-note`;
        return (
          <fieldset
            key={check.key}
            aria-describedby={off ? noteId : undefined}
            className="flex flex-col gap-2"
            disabled={sent || disabled}
          >
            <legend className="mb-2 font-semibold">{check.question}</legend>
            <div className="grid grid-cols-2 gap-2">
              {(["yes", "no"] as const).map((value) => (
                <label
                  key={value}
                  className="flex min-h-11 cursor-pointer items-center justify-center rounded-xl border border-line bg-surface font-semibold text-ink transition has-checked:border-accent has-checked:bg-accent has-checked:text-accent-ink has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent has-disabled:cursor-not-allowed"
                >
                  <input
                    type="radio"
                    name={`${ids}-${check.key}`}
                    value={value}
                    checked={chosen === value}
                    onChange={() => onAnswer(check.key, value)}
                    className="sr-only"
                  />
                  {value === "yes" ? "Yes" : "No"}
                </label>
              ))}
            </div>
            {off ? (
              <p id={noteId} className="rounded-xl bg-accent-soft px-3 py-2 text-sm">
                {gentleNote(check)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </section>
  );
}
