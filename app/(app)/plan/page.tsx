import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PathIllustration } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { getProgram, personalize } from "@/lib/program";
import { currentStepNumber, nextAction, overallProgress, personOf } from "@/lib/program/view";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { SafetyReminder } from "./safety-reminder";

export const metadata: Metadata = { title: "Your plan" };

export default async function PlanPage() {
  const { user } = await requireSession();
  const journey = await (await serverCaller()).journey.current();
  if (!journey) redirect("/onboarding");
  const program = getProgram(journey.programVersion);
  const person = personOf(journey);
  const current = currentStepNumber(journey);
  const next = nextAction(journey);
  const progress = overallProgress(journey);

  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold">Your plan</h1>
        <p className="text-muted">
          {progress.done} of 7 steps done. One step at a time, at your own pace.
        </p>
      </div>
      <PathIllustration
        className="w-full"
        done={journey.steps.filter((s) => s.status === "done").map((s) => s.number)}
        current={current}
      />
      {journey.safetyConcern ? <SafetyReminder /> : null}
      <Link href={next.href} className={buttonClass("primary")}>
        {user.discreet ? `Open step ${next.number}` : `Next: ${personalize(next.label, person)}`}
      </Link>
      <ol className="flex flex-col gap-2">
        {program.steps.map((step) => {
          const state = journey.steps.find((s) => s.number === step.number);
          const status = state?.status ?? "locked";
          const body = (
            <>
              <span
                aria-hidden="true"
                className={`flex size-9 shrink-0 items-center justify-center rounded-full font-bold ${
                  status === "done"
                    ? "bg-accent text-accent-ink"
                    : status === "open"
                      ? "border-2 border-accent text-accent"
                      : "border border-line text-muted"
                }`}
              >
                {status === "done" ? "✓" : step.number}
              </span>
              <span className="flex flex-col">
                <span className="font-semibold">
                  {user.discreet ? (
                    `Step ${step.number}`
                  ) : (
                    <>
                      <span className="sr-only">Step {step.number}: </span>
                      {personalize(step.title, person)}
                    </>
                  )}
                </span>
                <span className="text-sm text-muted">
                  {status === "done"
                    ? "Done"
                    : status === "open"
                      ? step.number === current
                        ? "You are here"
                        : "Open"
                      : `Opens after step ${step.number - 1}`}
                </span>
              </span>
            </>
          );
          return (
            <li key={step.number}>
              {status === "locked" ? (
                <div className="flex items-center gap-3 rounded-xl px-3 py-2">{body}</div>
              ) : (
                <Link
                  href={`/plan/${step.number}`}
                  className={`flex items-center gap-3 rounded-xl border px-3 py-2 ${
                    step.number === current
                      ? "border-accent bg-accent-soft"
                      : "border-line bg-surface"
                  }`}
                >
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      <nav aria-label="More about your plan" className="flex flex-col items-center gap-1">
        <Link href="/drafts" className={buttonClass("quiet")}>
          Your drafts
        </Link>
        <Link href="/plan/situation" className={buttonClass("quiet")}>
          Edit your situation
        </Link>
        <Link href="/plan/readiness" className={buttonClass("quiet")}>
          Retake the readiness check
        </Link>
        <Link href="/plan/outcome" className={buttonClass("quiet")}>
          Record where things stand
        </Link>
      </nav>
    </>
  );
}
