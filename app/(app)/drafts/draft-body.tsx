"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useLocale } from "@/app/_components/locale";
import { DRAFT_MAX_CHARS } from "@/lib/schemas/plain";
import { textLength } from "@/lib/schemas/text";
import { formatCount } from "@/lib/stats/format";

/**
 * The message box with its error and an always-visible count, counted as the server counts
 * (`textLength`). There is no `maxLength`: a long paste is never cut off without a word.
 */
export function DraftBody({
  body,
  error,
  sent,
  registration,
}: {
  body: string;
  error?: string;
  /** A sent draft stays to read and copy. */
  sent: boolean;
  registration: UseFormRegisterReturn<"body">;
}) {
  const ids = useId();
  const locale = useLocale();
  const bodyId = `${ids}-body`;
  const countId = `${ids}-count`;
  const errorId = `${ids}-error`;
  const length = textLength(body);
  const over = length > DRAFT_MAX_CHARS;
  return (
    <>
      <label htmlFor={bodyId} className="text-sm font-semibold">
        Your message
      </label>
      <textarea
        id={bodyId}
        rows={8}
        dir="auto"
        readOnly={sent}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={[countId, error ? errorId : null].filter(Boolean).join(" ")}
        className={`min-h-48 w-full resize-y rounded-xl border bg-surface px-4 py-3 text-base leading-relaxed text-ink placeholder:text-muted ${
          error || over ? "border-danger" : "border-line"
        } ${sent ? "opacity-80" : ""}`}
        placeholder="Write it just as you'd send it."
        {...registration}
      />
      <div className="flex items-start justify-between gap-3 text-sm">
        {error ? (
          <p id={errorId} role="alert" className="font-medium text-danger">
            {error}
          </p>
        ) : (
          <span />
        )}
        <p
          id={countId}
          className={`shrink-0 tabular-nums ${over ? "font-semibold text-danger" : "text-muted"}`}
        >
          {formatCount(length, locale)} / {formatCount(DRAFT_MAX_CHARS, locale)}
          <span className="sr-only"> characters</span>
        </p>
      </div>
    </>
  );
}
