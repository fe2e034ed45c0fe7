"use client";

import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type Variant } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * A plain button (not a form's submit) only acts through script, so it stays disabled until
 * the page has hydrated: on a slow phone a tap that lands earlier would do nothing at all.
 * A submit button waits too when its form only works through script (`scripted`). The wait
 * lives here, not in the form: when hydration ends only the button renders again, not the
 * whole form around it.
 */
export function Button({
  variant = "primary",
  busy = false,
  disabled = false,
  className = "",
  type = "button",
  scripted = type === "button",
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  busy?: boolean;
  /** Disabled until the page has hydrated: plain buttons always, submit buttons when asked. */
  scripted?: boolean;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      className={buttonClass(variant, className)}
      {...props}
      disabled={busy || disabled || (scripted && !hydrated)}
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
