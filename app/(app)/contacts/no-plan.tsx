import { PathIllustration } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";

/** Shown where a contact would be logged when no plan is in progress. */
export function NoPlan() {
  return (
    <section
      aria-labelledby="no-plan"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <PathIllustration className="w-full" />
      <h2 id="no-plan" className="text-xl font-bold">
        Start your plan first
      </h2>
      <p className="text-muted">
        Contacts are logged as part of your plan: it uses them to show how things are moving, and
        who is reaching out to whom. Setting it up takes a few minutes.
      </p>
      <Link href="/onboarding" className={buttonClass("primary")}>
        Start my plan
      </Link>
    </section>
  );
}
