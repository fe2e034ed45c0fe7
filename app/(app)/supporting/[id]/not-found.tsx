import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";

/** One answer for a revoked or expired link and for an entry that isn't yours. */
export default function SupportedNotFound() {
  return (
    <section className="flex flex-col items-start gap-4">
      <h1 className="text-3xl font-bold">This link no longer works</h1>
      <p className="text-muted">
        They may have turned it off, or it ran out. If they'd still like you along, ask them for a
        new one.
      </p>
      <Link href="/home" className={buttonClass("primary")}>
        Back to your home
      </Link>
    </section>
  );
}
