import Link from "next/link";
import { Logo } from "@/app/_components/art";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { requireSession } from "@/server/auth/current";
import { NavLink } from "./nav-link";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requireSession();
  return (
    <TRPCReactProvider>
      <div className="mx-auto flex min-h-dvh max-w-xl flex-col">
        <header className="flex items-center justify-between px-5 pt-5">
          <Link href="/home" className="flex items-center gap-2 text-lg font-bold">
            <Logo /> Rekindle
          </Link>
          <nav aria-label="Main" className="flex gap-1">
            <NavLink href="/home">Home</NavLink>
            <NavLink href="/settings">Settings</NavLink>
          </nav>
        </header>
        <main className="flex flex-1 flex-col gap-6 px-5 pt-6 pb-16">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
