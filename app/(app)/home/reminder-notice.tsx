"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { useDoor } from "@/app/_trpc/client";
import type { ReminderNotice as Notice } from "@/lib/schemas/reminders";

/**
 * Today's reminder, in the app: one calm line and one thing to do. Closing it also means
 * no mail about it today; checking in makes it go away by itself.
 */
export function ReminderNotice({ notice, hasPlan }: { notice: Notice; hasPlan: boolean }) {
  const router = useRouter();
  const [closed, setClosed] = useState(false);
  const dismiss = useDoor((t) => t.reminders.dismiss.mutate, { onSuccess: () => router.refresh() });
  if (!notice || closed) return null;

  const stalled = notice.kind === "stalled_step" && notice.stepNumber !== null;
  const action = stalled
    ? { href: `/plan/${notice.stepNumber}`, label: `Open step ${notice.stepNumber}` }
    : hasPlan
      ? { href: "#check-in", label: "Check in now" }
      : { href: "/onboarding", label: "Start your plan" };

  return (
    <section
      aria-labelledby="reminder-notice"
      className="flex flex-col gap-3 rounded-2xl border border-accent bg-accent-soft p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id="reminder-notice" className="flex items-center gap-2 text-lg font-bold">
          <svg viewBox="0 0 24 24" className="size-5 shrink-0 text-accent" aria-hidden="true">
            <path
              d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15h15L18 12.5V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {stalled ? "A gentle nudge" : "Time for your check-in"}
        </h2>
        <button
          type="button"
          onClick={() => {
            setClosed(true);
            dismiss.mutate();
          }}
          className="-m-2 inline-flex size-11 shrink-0 items-center justify-center rounded-xl text-muted hover:bg-surface"
          aria-label="Dismiss this reminder"
        >
          <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true">
            <path
              d="m5 5 10 10M15 5 5 15"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
      <p>
        {stalled
          ? `Step ${notice.stepNumber} has been resting for a little while. No rush: one small move today is plenty.`
          : "A minute is enough. How is today going?"}
      </p>
      <Link href={action.href} className={buttonClass("primary")}>
        {action.label}
      </Link>
    </section>
  );
}
