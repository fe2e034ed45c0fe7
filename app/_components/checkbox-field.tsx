"use client";

import { forwardRef, type InputHTMLAttributes, type ReactNode, useId } from "react";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: string;
  /** One line under the label: what ticking it means. */
  description?: ReactNode;
  error?: string;
}

/** A checkbox whose whole row, label and description included, is the tap target. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(
  function CheckboxField({ label, description, error, id, className = "", ...props }, ref) {
    const autoId = useId();
    const inputId = id ?? autoId;
    const descriptionId = `${inputId}-description`;
    const errorId = `${inputId}-error`;
    const describedBy = [description ? descriptionId : null, error ? errorId : null]
      .filter(Boolean)
      .join(" ");
    return (
      <div className={`flex flex-col gap-1.5 ${className}`}>
        <label
          htmlFor={inputId}
          className="flex min-h-12 cursor-pointer items-start gap-3 rounded-xl border border-line bg-surface p-4 has-[:checked]:border-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent"
        >
          <input
            ref={ref}
            id={inputId}
            type="checkbox"
            aria-describedby={describedBy || undefined}
            aria-invalid={error ? true : undefined}
            className="mt-0.5 size-5 shrink-0 accent-[var(--color-accent)] focus-visible:outline-none"
            {...props}
          />
          <span className="flex flex-col gap-1">
            <span className="font-semibold">{label}</span>
            {description ? (
              <span id={descriptionId} className="text-sm text-muted">
                {description}
              </span>
            ) : null}
          </span>
        </label>
        {error ? (
          <p id={errorId} className="text-sm font-medium text-danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  },
);
