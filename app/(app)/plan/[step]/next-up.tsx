import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import type { TaskFeature } from "@/lib/program";
import { taskLink } from "@/lib/program/view";

export interface NextUpTask {
  key: string;
  label: string;
  detail?: string;
  feature?: TaskFeature;
}

/**
 * The one thing to do next on this step, at the top of its page: the first needed task not
 * ticked, then a reflection, then the way on once the step is done.
 */
export function NextUp({
  stepNumber,
  task,
  reflected,
  done,
  onward,
}: {
  stepNumber: number;
  task: NextUpTask | null;
  reflected: boolean;
  done: boolean;
  /** Where the person goes once the step is done; null while the next step is locked. */
  onward: { href: string; label: string } | null;
}) {
  const link = task?.feature ? taskLink(task.feature, stepNumber) : null;
  return (
    <section
      aria-labelledby="next-up"
      className="flex flex-col gap-2 rounded-2xl border border-accent bg-accent-soft p-5"
    >
      <h2 id="next-up" className="text-sm font-semibold text-accent">
        Next for you
      </h2>
      {done ? (
        <>
          <p role="status" className="text-lg font-bold">
            You finished this step. Well done for showing up.
          </p>
          {onward ? (
            <Link href={onward.href} className={buttonClass("primary")}>
              {onward.label}
            </Link>
          ) : null}
        </>
      ) : task ? (
        <>
          <p className="text-lg font-bold">{task.label}</p>
          {task.detail ? <p className="text-sm">{task.detail}</p> : null}
          {link ? (
            <Link href={link.href} className={buttonClass("primary", "mt-1")}>
              {link.label}
            </Link>
          ) : (
            <p className="text-sm text-muted">When it's done, tick it in the list below.</p>
          )}
        </>
      ) : (
        <>
          <p className="text-lg font-bold">
            {reflected ? "Look back over this step" : "Write a short reflection"}
          </p>
          <p className="text-sm">
            {reflected
              ? "Everything needed is done. Add to it whenever you like."
              : "A few honest lines about how it went, and this step is done."}
          </p>
          <a href="#reflections" className={buttonClass("primary", "mt-1")}>
            {reflected ? "See your reflections" : "Write a reflection"}
          </a>
        </>
      )}
    </section>
  );
}
