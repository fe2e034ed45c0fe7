"use client";

import { useId } from "react";

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  description?: string;
}

/**
 * A question with a few answers, as native radio buttons drawn as large cards: arrow keys,
 * screen readers and form semantics all work as usual.
 */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  columns = 1,
  name,
}: {
  legend: string;
  hint?: string;
  options: readonly ChoiceOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  error?: string;
  columns?: 1 | 2 | 3;
  name?: string;
}) {
  const id = useId();
  const groupName = name ?? id;
  const grid = columns === 3 ? "grid-cols-3" : columns === 2 ? "grid-cols-2" : "grid-cols-1";
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={
        [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
        undefined
      }
    >
      <legend className="mb-1 text-base font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 ${grid}`}>
        {options.map((option) => {
          const checked = value === option.value;
          return (
            <label
              key={option.value}
              className={`flex min-h-12 cursor-pointer flex-col justify-center rounded-xl border px-4 py-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent ${
                checked ? "border-accent bg-accent-soft" : "border-line bg-surface"
              }`}
            >
              <input
                type="radio"
                name={groupName}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="sr-only"
              />
              <span className="font-semibold">{option.label}</span>
              {option.description ? (
                <span className="text-sm text-muted">{option.description}</span>
              ) : null}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
