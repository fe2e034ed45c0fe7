"use client";

import { forwardRef, type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import { textLength } from "@/lib/schemas/text";
import { formatCount } from "@/lib/stats/format";
import { useLocale } from "./locale";

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
  /**
   * The limit the server enforces. There is deliberately no `maxLength`: it would cut a
   * long paste off without a word, and the person's text must never be lost quietly.
   */
  limit?: number;
  /** The field's text now, counted as the server counts it (`textLength`) near the limit. */
  text?: string;
}

/**
 * A labelled, self-growing textarea whose hint, error and character count are announced
 * with it. The count appears once the text passes three quarters of the limit.
 */
export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(
  function TextareaField(
    { label, hint, error, limit, text = "", id, className = "", rows = 6, ...props },
    ref,
  ) {
    const autoId = useId();
    const locale = useLocale();
    const n = (v: number) => formatCount(v, locale);
    const inputId = id ?? autoId;
    const hintId = `${inputId}-hint`;
    const countId = `${inputId}-count`;
    const errorId = `${inputId}-error`;
    const length = textLength(text);
    const showCount = limit !== undefined && length >= limit * 0.75;
    const over = limit !== undefined && length > limit;
    const describedBy = [hint ? hintId : null, showCount ? countId : null, error ? errorId : null]
      .filter(Boolean)
      .join(" ");

    return (
      <div className={`flex flex-col gap-1.5 ${className}`}>
        <label htmlFor={inputId} className="text-sm font-semibold">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
        <textarea
          ref={ref}
          id={inputId}
          rows={rows}
          dir="auto"
          aria-invalid={error || over ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={`min-h-40 w-full rounded-xl border bg-surface px-4 py-3 text-base leading-relaxed text-ink [field-sizing:content] placeholder:text-muted ${
            error || over ? "border-danger" : "border-line"
          }`}
          {...props}
        />
        {showCount && limit !== undefined ? (
          <p
            id={countId}
            className={`self-end text-sm tabular-nums ${over ? "font-semibold text-danger" : "text-muted"}`}
          >
            {over
              ? `${n(length - limit)} characters over the ${n(limit)} limit`
              : `${n(length)} of ${n(limit)} characters`}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="text-sm font-medium text-danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  },
);
