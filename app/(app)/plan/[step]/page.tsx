import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { getProgram, getStep, personalize, type StepNumber, step1Advice } from "@/lib/program";
import { noticeTasks } from "@/lib/program/notice";
import { currentStepNumber, nextAction, personOf } from "@/lib/program/view";
import { daysBetween, localDay } from "@/lib/stats/days";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { noPlan } from "../../drafts/no-plan";
import { SafetyReminder } from "../safety-reminder";
import { Disclosure } from "./disclosure";
import { Memories } from "./memories";
import { NextUp } from "./next-up";
import { Reflections } from "./reflections";
import { ReopenStep } from "./reopen-step";
import { TaskList } from "./task-list";

export const metadata: Metadata = { title: "Step" };

export default async function StepPage({ params }: { params: Promise<{ step: string }> }) {
  const { user } = await requireSession();
  const number = Number((await params).step);
  if (!Number.isInteger(number) || number < 1 || number > 7) notFound();
  const caller = await serverCaller();
  // The step's detail carries its journey: one read for the whole page.
  const detail = await caller.steps.byNumber({ stepNumber: number }).catch(noPlan(null));
  if (!detail) redirect("/onboarding");
  const { journey, progress, reflections, memories, evidence } = detail;
  const program = getProgram(journey.programVersion);
  const step = getStep(program, number as StepNumber);
  const person = personOf(journey);
  const say = (t: string) => personalize(t, person);
  // Discreet mode: the step goes by its number, and its title and summary stay unsaid.
  const heading = user.discreet ? `Step ${number}` : say(step.title);
  // Links lead to the step the person is on, never to one that is still locked.
  const current = currentStepNumber(journey);
  const nextOpen = journey.steps.some((s) => s.number === number + 1 && s.status !== "locked");

  if (progress.status === "locked") {
    return (
      <>
        {user.discreet ? null : (
          <p className="text-sm font-semibold text-accent">Step {number} of 7</p>
        )}
        <h1 className="text-3xl font-bold">{heading}</h1>
        <p className="text-muted">
          This step opens once step {number - 1} is done. There's no hurry: the order matters more
          than the speed.
        </p>
        <Link href={`/plan/${current}`} className={buttonClass("primary")}>
          Go to step {current}, where you are now
        </Link>
      </>
    );
  }

  const advice =
    number === 1
      ? step1Advice({
          daysSinceBreakup: daysBetween(journey.breakupDate, localDay(new Date(), user.timeZone)),
          contact: journey.contactLevel,
        })
      : null;
  const next = nextAction(journey);
  const stalled = next.number === number && next.stalled && !user.discreet;
  const noticed = noticeTasks(step, evidence);
  const tasks = step.tasks.map((t) => ({
    key: t.key,
    label: say(t.label),
    detail: t.detail ? say(t.detail) : undefined,
    required: t.required,
    feature: t.feature,
    noticed: noticed.has(t.key) ? say(noticed.get(t.key)?.reason ?? "") : undefined,
  }));
  const onward =
    number === 7
      ? { href: "/plan/outcome", label: "Record where things stand" }
      : { href: `/plan/${number + 1}`, label: `Go on to step ${number + 1}` };

  return (
    <>
      <div className="flex flex-col gap-1">
        {user.discreet ? null : (
          <p className="text-sm font-semibold text-accent">Step {number} of 7</p>
        )}
        <h1 className="text-3xl font-bold">{heading}</h1>
        {user.discreet ? null : <p className="text-lg text-muted">{say(step.summary)}</p>}
      </div>
      {journey.safetyConcern ? <SafetyReminder /> : null}
      {stalled ? (
        <p className="rounded-xl border border-line bg-surface px-4 py-3">
          {say(step.stalledNudge)}
        </p>
      ) : null}

      <NextUp
        stepNumber={number}
        task={tasks.find((t) => t.required && !progress.tasksDone.includes(t.key)) ?? null}
        reflected={progress.reflectionCount > 0}
        done={progress.status === "done"}
        onward={number === 7 || nextOpen ? onward : null}
      />

      <TaskList
        stepNumber={number}
        tasks={tasks}
        done={progress.tasksDone}
        stepDone={progress.status === "done"}
        next={onward}
      />

      <Disclosure title="About this step">
        {step.guidance.map((p) => (
          <p key={p}>{say(p)}</p>
        ))}
        <p className="text-sm text-muted">
          <span className="font-semibold">Done when: </span>
          {say(step.doneMeans)}
        </p>
      </Disclosure>

      {advice ? (
        <Disclosure title={user.discreet ? "Advice for where you are" : say(advice.headline)}>
          {advice.body.map((p) => (
            <p key={p}>{say(p)}</p>
          ))}
        </Disclosure>
      ) : null}

      {number === 4 ? <Memories owner={user.id} initial={memories} /> : null}

      {/* Open while nothing is written yet; once it is, folded with its count. */}
      <Disclosure
        id="reflections"
        title={reflections.length === 0 ? "Reflect" : `Reflect · ${reflections.length} written`}
        open={reflections.length === 0}
      >
        <Reflections
          owner={user.id}
          stepNumber={number}
          prompts={step.reflectionPrompts.map((p) => ({ key: p.key, prompt: say(p.prompt) }))}
          initial={reflections}
          titleHidden
        />
      </Disclosure>

      <nav aria-label="Steps" className="flex justify-between">
        {number > 1 ? (
          <Link href={`/plan/${number - 1}`} className={buttonClass("quiet")}>
            ← Step {number - 1}
          </Link>
        ) : (
          <span />
        )}
        {progress.status === "done" ? <ReopenStep stepNumber={number} /> : null}
        {number < 7 && nextOpen ? (
          <Link href={`/plan/${number + 1}`} className={buttonClass("quiet")}>
            Step {number + 1} →
          </Link>
        ) : current !== number ? (
          <Link href={`/plan/${current}`} className={buttonClass("quiet")}>
            {current < number ? "← " : ""}Step {current}, where you are
            {current > number ? " →" : ""}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
