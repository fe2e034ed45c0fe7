"use client";

import { usePathname } from "next/navigation";
import { Link } from "@/app/_components/link";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-semibold ${
        active ? "bg-accent-soft text-accent" : "text-muted hover:text-ink"
      }`}
    >
      {children}
    </Link>
  );
}

const icons = {
  home: "M4 11.5 12 5l8 6.5V20a1 1 0 0 1-1 1h-4.5v-5.5h-5V21H5a1 1 0 0 1-1-1z",
  plan: "M5 19c3-1 3-5 7-5s4-4 7-5M5 19a1.5 1.5 0 1 0 0 .01M12 14a1.5 1.5 0 1 0 0 .01M19 9a1.5 1.5 0 1 0 0 .01",
  journal: "M6 4h10a2 2 0 0 1 2 2v14H8a2 2 0 0 1-2-2zM9 8h6M9 12h6M6 18a2 2 0 0 1 2-2h10",
  contacts: "M5 6h14v9H10l-4 4v-4H5z M9 10.5h6",
  buddies:
    "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3.5 19a5.5 5.5 0 0 1 11 0M16 11a2.5 2.5 0 1 0 0-5M17 14.2a4.5 4.5 0 0 1 3.5 4.8",
} as const;

/**
 * A place in the main navigation: on a phone a bottom tab, an icon over its label, large
 * enough for a thumb; on a wide screen a row of the side navigation, the icon beside it.
 */
export function TabLink({
  href,
  icon,
  badge,
  children,
}: {
  href: string;
  icon: keyof typeof icons;
  /** Words for something new behind the tab; a dot shows it, the words are read out. */
  badge?: string;
  children: React.ReactNode;
}) {
  // Typed nullable because pages/ exists; under the App Router it never is.
  const path = usePathname() ?? "";
  const active = path === href || path.startsWith(`${href}/`);
  return (
    <li>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-semibold lg:min-h-11 lg:flex-row lg:justify-start lg:gap-3 lg:rounded-lg lg:px-3 lg:text-base ${
          active ? "text-accent lg:bg-accent-soft" : "text-muted lg:hover:text-ink"
        }`}
      >
        <span className="relative">
          <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
            <path
              d={icons[icon]}
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {badge ? (
            <span
              data-testid="tab-badge"
              aria-hidden="true"
              className="absolute -top-0.5 -right-1 size-2.5 rounded-full bg-accent ring-2 ring-canvas"
            />
          ) : null}
        </span>
        {children}
        {badge ? <span className="sr-only">, {badge}</span> : null}
      </Link>
    </li>
  );
}
