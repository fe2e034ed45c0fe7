"use client";

import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type Variant } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * A button stays disabled until the page has hydrated. Before then a plain button would do
 * nothing, and a submit would send its form the browser's own way: to the page's address,
 * which saves nothing and drops what the person typed. A submit whose form also works
 * without script (a server action) says so with `worksWithoutScript` and is live at once.
 * The wait lives here, not in the form: when hydration ends only the button renders again.
 */
export function Button({
  variant = "primary",
  busy = false,
  disabled = false,
  className = "",
  type = "button",
  worksWithoutScript = false,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  busy?: boolean;
  /** Live before hydration: only for a submit whose form posts somewhere real without script. */
  worksWithoutScript?: boolean;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      className={buttonClass(variant, className)}
      {...props}
      disabled={busy || disabled || (!worksWithoutScript && !hydrated)}
      aria-busy={busy || undefined}
    >
      {busy ? <Spinner /> : null}
      {children}
    </button>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 animate-spin">
      <circle
        cx="12"
        cy="12"
        r="9"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        opacity="0.3"
      />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" />
    </svg>
  );
}
