import type { Metadata } from "next";
import Link from "next/link";
import { PathIllustration } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { requireSession } from "@/server/auth/current";
import { personalize } from "@/server/program";
import { nextAction, overallProgress, personOf } from "@/server/program/view";
import type { JourneyView } from "@/server/schemas/journey";
import { serverCaller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Home" };

/** A greeting that fits the hour where the user lives, not where the server is. */
function greeting(timeZone: string, now = new Date()): string {
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone }).format(now),
  );
  if (hour < 5) return "Still up";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function HomePage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const journey = await caller.journey.current();

  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">
          {greeting(user.timeZone)}, {user.displayName}
        </h1>
        <p className="text-muted">Thank you for taking a moment for yourself today.</p>
      </div>
      {journey ? (
        <CurrentStep journey={journey} />
      ) : (
        <section className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5">
          <PathIllustration className="w-full" />
          <h2 className="text-xl font-bold">Ready when you are</h2>
          <p className="text-muted">
            A few honest questions first, then a plan of seven small steps, one at a time. It takes
            about three minutes to begin.
          </p>
          <Link href="/onboarding" className={buttonClass("primary")}>
            Start your plan
          </Link>
        </section>
      )}
    </>
  );
}

function CurrentStep({ journey }: { journey: JourneyView }) {
  const person = personOf(journey);
  const next = nextAction(journey);
  const progress = overallProgress(journey);
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
      <p className="text-sm font-semibold text-accent">
        Step {next.number} of 7 · {progress.done} done
      </p>
      <h2 className="text-2xl font-bold">{personalize(next.step.title, person)}</h2>
      {next.stalled ? <p>{personalize(next.step.stalledNudge, person)}</p> : null}
      <Link href={next.href} className={buttonClass("primary")}>
        {personalize(next.label, person)}
      </Link>
    </section>
  );
}
