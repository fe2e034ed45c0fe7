import { Logo } from "@/app/_components/art";
import { Link } from "@/app/_components/link";
import { TrustLinks } from "@/app/_components/trust-links";

/**
 * The frame of the pages that say how Rekindle treats people (privacy, who runs it):
 * public, plain server-rendered text with no script of their own, so they open fast for
 * anyone, signed in or not.
 */
export function TrustShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-8 px-5 pt-6 pb-16">
      <header>
        <Link href="/" className="flex items-center gap-2 text-lg font-bold">
          <Logo /> Rekindle
        </Link>
      </header>
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
      <nav aria-label="About Rekindle" className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <TrustLinks />
      </nav>
    </main>
  );
}

/** A section of a trust page: a heading and its paragraphs or list. */
export function TrustSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 [&_li]:ml-5 [&_ul]:list-disc [&_ul]:space-y-2"
    >
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
