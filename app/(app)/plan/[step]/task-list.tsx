"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { SavePaused } from "@/app/_components/save-paused";
import { useDoor } from "@/app/_trpc/client";
import type { TaskFeature } from "@/lib/program";
import { taskLink } from "@/lib/program/view";

interface TaskItem {
  key: string;
  label: string;
  detail?: string;
  required: boolean;
  feature?: TaskFeature;
  /** What the person did elsewhere that shows this task done (or may), in one sentence. */
  noticed?: string;
}

/**
 * Ticks save at once; if saving fails the tick goes back and says why. The tick that
 * finishes the step is answered right here, with the way on to the next step.
 */
export function TaskList({
  stepNumber,
  tasks,
  done,
  stepDone,
  next,
}: {
  stepNumber: number;
  tasks: TaskItem[];
  done: string[];
  stepDone: boolean;
  /** Where finishing this step leads: the next step, or recording the outcome after step 7. */
  next: { href: string; label: string };
}) {
  const router = useRouter();
  const [ticked, setTicked] = useState(() => new Set(done));
  const [finishedNow, setFinishedNow] = useState(false);
  const moment = useRef<HTMLDivElement>(null);
  // The last box may sit far from the acknowledgement below the list: bring it into view.
  useEffect(() => {
    if (!finishedNow) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    moment.current?.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }, [finishedNow]);
  const save = useDoor((t) => t.steps.setTask.mutate, {
    onSuccess: (journey, input) => {
      const status = journey.steps.find((s) => s.number === stepNumber)?.status;
      if (input.done && status === "done" && !stepDone) setFinishedNow(true);
      if (status !== "done") setFinishedNow(false);
      router.refresh();
    },
    onError: (_e, input) =>
      setTicked((s) => {
        const next = new Set(s);
        if (input.done) next.delete(input.taskKey);
        else next.add(input.taskKey);
        return next;
      }),
  });

  function toggle(key: string, value: boolean) {
    setTicked((s) => {
      const next = new Set(s);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
    save.mutate({ stepNumber, taskKey: key, done: value });
  }

  const requiredLeft = tasks.filter((t) => t.required && !ticked.has(t.key)).length;
  return (
    <section aria-labelledby="tasks" className="flex flex-col gap-3">
      <div>
        <h2 id="tasks" className="text-xl font-bold">
          Things to do
        </h2>
        <p className="text-sm text-muted">
          {requiredLeft === 0
            ? "All the needed tasks are done."
            : `${requiredLeft} needed task${requiredLeft === 1 ? "" : "s"} left.`}
        </p>
      </div>
      <SavePaused paused={save.isPaused} what="Your ticks are" />
      <FormError
        message={
          save.error ? mutationProblem(save.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <ul className="flex flex-col gap-2">
        {tasks.map((task) => {
          const link = task.feature ? taskLink(task.feature, stepNumber) : null;
          const isTicked = ticked.has(task.key);
          return (
            <li key={task.key} className="rounded-xl border border-line bg-surface p-3">
              <label className="flex cursor-pointer items-start gap-3">
                <input
                  type="checkbox"
                  className="mt-1 size-5 shrink-0 accent-[var(--color-accent)]"
                  checked={isTicked}
                  onChange={(e) => toggle(task.key, e.target.checked)}
                />
                <span className="flex flex-col">
                  <span className={`font-semibold ${isTicked ? "line-through" : ""}`}>
                    {task.label}
                  </span>
                  {task.detail ? <span className="text-sm text-muted">{task.detail}</span> : null}
                  <span className="text-xs text-muted">
                    {task.required ? "Needed" : "Optional"}
                  </span>
                </span>
              </label>
              {task.noticed ? (
                <p className={`mt-2 ml-8 text-sm ${isTicked ? "text-muted" : "font-semibold"}`}>
                  {task.noticed}
                  {isTicked ? "" : " If that covers it, tick it."}
                </p>
              ) : null}
              {link ? (
                <Link
                  href={link.href}
                  className="mt-2 ml-8 inline-block text-sm font-semibold text-accent underline underline-offset-4"
                >
                  {link.label}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
      {/* The live region is always there, so a screen reader hears the moment it fills. */}
      <div role="status" ref={moment} className="scroll-mb-24">
        {finishedNow ? (
          <div className="flex flex-col items-center gap-3 rounded-2xl border border-accent bg-accent-soft p-5 text-center">
            <svg viewBox="0 0 48 48" className="size-12 text-accent" aria-hidden="true">
              <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <path
                d="m15 24.5 6 6 12-13"
                fill="none"
                stroke="currentColor"
                strokeWidth="3"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <p className="text-lg font-bold">Step {stepNumber} is done.</p>
            <p>
              That took real care. Take a breath and enjoy it; the next step is ready when you are.
            </p>
            <Link href={next.href} className={buttonClass("primary", "self-stretch")}>
              {next.label}
            </Link>
          </div>
        ) : requiredLeft === 0 && !stepDone ? (
          <p className="rounded-xl border border-line bg-surface px-4 py-3 text-sm">
            Write a short reflection below and this step is done.
          </p>
        ) : null}
      </div>
    </section>
  );
}
