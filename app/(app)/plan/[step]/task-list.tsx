"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/app/_components/field";
import { useTRPC } from "@/app/_trpc/client";

interface TaskItem {
  key: string;
  label: string;
  detail?: string;
  required: boolean;
  feature?: "contact" | "draft" | "journal" | "memories";
}

const featureLinks = {
  contact: { href: "/contacts/new", label: "Log a contact" },
  journal: { href: "/journal/new", label: "Write in your journal" },
  draft: null,
  memories: null,
} as const;

/** Ticks save at once; if saving fails the tick goes back and says why. */
export function TaskList({
  stepNumber,
  tasks,
  done,
}: {
  stepNumber: number;
  tasks: TaskItem[];
  done: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [ticked, setTicked] = useState(() => new Set(done));
  const save = useMutation(
    trpc.steps.setTask.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (_e, input) =>
        setTicked((s) => {
          const next = new Set(s);
          if (input.done) next.delete(input.taskKey);
          else next.add(input.taskKey);
          return next;
        }),
    }),
  );

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
      <FormError message={save.error?.message} />
      <ul className="flex flex-col gap-2">
        {tasks.map((task) => {
          const link = task.feature ? featureLinks[task.feature] : null;
          return (
            <li key={task.key} className="rounded-xl border border-line bg-surface p-3">
              <label className="flex cursor-pointer items-start gap-3">
                <input
                  type="checkbox"
                  className="mt-1 size-5 shrink-0 accent-[var(--color-accent)]"
                  checked={ticked.has(task.key)}
                  onChange={(e) => toggle(task.key, e.target.checked)}
                />
                <span className="flex flex-col">
                  <span className={`font-semibold ${ticked.has(task.key) ? "line-through" : ""}`}>
                    {task.label}
                  </span>
                  {task.detail ? <span className="text-sm text-muted">{task.detail}</span> : null}
                  <span className="text-xs text-muted">
                    {task.required ? "Needed" : "Optional"}
                  </span>
                </span>
              </label>
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
    </section>
  );
}
