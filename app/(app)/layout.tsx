import Link from "next/link";
import { Logo } from "@/app/_components/art";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { requireSession } from "@/server/auth/current";
import { NavLink, TabLink } from "./nav-link";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requireSession();
  return (
    <TRPCReactProvider>
      <div className="mx-auto flex min-h-dvh max-w-xl flex-col">
        <header className="flex items-center justify-between px-5 pt-5">
          <Link href="/home" className="flex items-center gap-2 text-lg font-bold">
            <Logo /> Rekindle
          </Link>
          <NavLink href="/settings">Settings</NavLink>
        </header>
        <main className="flex flex-1 flex-col gap-6 px-5 pt-6 pb-28">{children}</main>
        <nav
          aria-label="Main"
          className="fixed inset-x-0 bottom-0 border-t border-line bg-canvas/95 pb-[env(safe-area-inset-bottom)] backdrop-blur"
        >
          <ul className="mx-auto grid max-w-xl grid-cols-4">
            <TabLink href="/home" icon="home">
              Home
            </TabLink>
            <TabLink href="/plan" icon="plan">
              Plan
            </TabLink>
            <TabLink href="/journal" icon="journal">
              Journal
            </TabLink>
            <TabLink href="/contacts" icon="contacts">
              Contacts
            </TabLink>
          </ul>
        </nav>
      </div>
    </TRPCReactProvider>
  );
}
