import { Logo } from "@/app/_components/art";
import { Link } from "@/app/_components/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-8 px-5 pt-6 pb-16">
      <Link href="/" className="flex items-center gap-2 self-start text-lg font-bold">
        <Logo /> Rekindle
      </Link>
      {children}
    </main>
  );
}
