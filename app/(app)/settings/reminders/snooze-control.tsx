"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import { formatDay } from "@/lib/stats/format";

/** "Snooze for a week", or, while snoozed, when reminders come back and a way to resume. */
export function SnoozeControl({ snoozedUntil }: { snoozedUntil: string | null }) {
  const locale = useLocale();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const snooze = useDoor((t) => t.reminders.snooze.mutate, { onSuccess });
  const resume = useDoor((t) => t.reminders.resume.mutate, { onSuccess });
  const error = snooze.error ?? resume.error;
  return (
    <>
      <FormError
        message={error ? mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message : undefined}
      />
      {snoozedUntil ? (
        <>
          <p>
            Reminders are resting. They'll come back on {formatDay(snoozedUntil, locale)}, or
            whenever you like.
          </p>
          <Button variant="secondary" busy={resume.isPending} onClick={() => resume.mutate()}>
            Resume reminders now
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-muted">
            Need some space? Pause reminders for seven days. They come back by themselves.
          </p>
          <Button variant="secondary" busy={snooze.isPending} onClick={() => snooze.mutate()}>
            Snooze for a week
          </Button>
        </>
      )}
    </>
  );
}
