"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A section folded behind its title: native <details>, so it opens with a tap, Enter or
 * Space, is announced as expandable, and works before any script has loaded. `open` is
 * only where it starts: a refresh after saving never folds what the person opened, and a
 * link to `#id` opens it.
 */
export function Disclosure({
  title,
  children,
  open = false,
  id,
}: {
  title: string;
  children: React.ReactNode;
  open?: boolean;
  id?: string;
}) {
  const [startsOpen] = useState(open);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!id) return;
    const openIfNamed = () => {
      if (window.location.hash === `#${id}` && details.current) details.current.open = true;
    };
    openIfNamed();
    window.addEventListener("hashchange", openIfNamed);
    return () => window.removeEventListener("hashchange", openIfNamed);
  }, [id]);
  return (
    <details
      id={id}
      ref={details}
      open={startsOpen}
      className="group scroll-mt-4 rounded-2xl border border-line bg-surface"
    >
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-5 py-3 text-lg font-bold [&::-webkit-details-marker]:hidden">
        {title}
        <svg
          viewBox="0 0 24 24"
          className="size-5 shrink-0 text-accent transition-transform group-open:rotate-180 motion-reduce:transition-none"
          aria-hidden="true"
        >
          <path
            d="m6 9 6 6 6-6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </summary>
      <div className="flex flex-col gap-3 px-5 pb-5">{children}</div>
    </details>
  );
}
