"use client";

import { type ReactNode, type Ref, useId } from "react";

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** A small picture above the label; decorative, the label says the same. */
  icon?: ReactNode;
  /** A line under the label; choices with one are drawn as left-aligned rows. */
  description?: string;
}

export interface ChoiceGroupProps<V extends string | number> {
  legend: string;
  hint?: ReactNode;
  /** The radio group's name; also the id prefix, so an error can focus the group. */
  name: string;
  choices: readonly Choice<V>[];
  value: V | null | undefined;
  onChange: (value: V) => void;
  onBlur?: () => void;
  error?: string;
  /** Tailwind grid columns, e.g. "grid-cols-3". Defaults to one column per choice. */
  columns?: string;
  /** Given to the chosen radio (or the first), so react-hook-form can focus the group. */
  inputRef?: Ref<HTMLInputElement>;
}

const COLUMNS: Record<number, string> = {
  1: "grid-cols-1",
  2: "grid-cols-2",
  3: "grid-cols-3",
  4: "grid-cols-4",
  5: "grid-cols-5",
};

/**
 * A segmented choice: native radios (arrow keys, screen readers and form semantics for
 * free) drawn as large tiles. The chosen tile is marked by a tick and a thicker border as
 * well as colour.
 */
export function ChoiceGroup<V extends string | number>({
  legend,
  hint,
  name,
  choices,
  value,
  onChange,
  onBlur,
  error,
  columns,
  inputRef,
}: ChoiceGroupProps<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  // With pictures, tiles align from the top so one label wrapping doesn't shift the rest.
  const withIcons = choices.some((c) => c.icon);
  const asRows = choices.some((c) => c.description);
  const refIndex = Math.max(
    0,
    choices.findIndex((c) => c.value === value),
  );
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2"
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1.5 text-sm font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="-mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 ${columns ?? COLUMNS[choices.length] ?? "grid-cols-3"}`}>
        {choices.map((choice, i) => (
          <label
            key={String(choice.value)}
            // A named group: a tile inside another `group` (a fold) must not take its :has.
            className={`group/choice relative flex min-h-14 cursor-pointer flex-col ${
              asRows ? "items-start pr-8 pl-4 text-left" : "items-center text-center"
            } ${withIcons ? "justify-start pt-3" : "justify-center"} gap-1 rounded-xl border bg-surface px-1.5 py-2 text-sm font-semibold text-ink transition has-[:checked]:border-accent has-[:checked]:ring-1 has-[:checked]:ring-accent has-[:checked]:bg-accent-soft has-[:checked]:text-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent ${
              error ? "border-danger" : "border-line"
            }`}
          >
            <input
              ref={i === refIndex ? inputRef : undefined}
              type="radio"
              name={name}
              id={i === 0 ? name : undefined}
              value={String(choice.value)}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              onBlur={onBlur}
              className="sr-only"
            />
            <svg
              viewBox="0 0 16 16"
              aria-hidden="true"
              className="absolute top-1 right-1 hidden size-4 group-has-[:checked]/choice:block"
            >
              <circle cx="8" cy="8" r="8" fill="var(--color-accent)" />
              <path
                d="m4.5 8.2 2.2 2.2 4.8-4.8"
                fill="none"
                stroke="var(--color-accent-ink)"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            {choice.icon}
            <span className="leading-tight">{choice.label}</span>
            {choice.description ? (
              <span className="font-normal text-muted">{choice.description}</span>
            ) : null}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
