"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-lg px-3 py-2 text-sm font-semibold ${
        active ? "bg-accent-soft text-accent" : "text-muted hover:text-ink"
      }`}
    >
      {children}
    </Link>
  );
}
