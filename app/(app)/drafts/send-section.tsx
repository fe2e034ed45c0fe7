"use client";

import { useId } from "react";
import { Button } from "@/app/_components/button";
import { useLocale } from "@/app/_components/locale";
import type { DraftView } from "@/lib/schemas/drafts";
import { CoolDownRing } from "./cool-down-ring";
import { readyTime } from "./ready-time";

/**
 * The hour a draft rests and "Mark as sent": ready once it is saved as it stands, every
 * question is answered and the hour is over; until then it says which of those is missing.
 */
export function SendSection({
  saved,
  dirty,
  unanswered,
  now,
  timeZone,
  busy,
  disabled,
  onSend,
}: {
  saved: DraftView | null;
  /** The text differs from what was saved. */
  dirty: boolean;
  /** How many questions are still unanswered. */
  unanswered: number;
  now: Date;
  timeZone: string;
  busy: boolean;
  disabled: boolean;
  onSend: () => void;
}) {
  const hintId = useId();
  const locale = useLocale();
  const cooled = saved !== null && now.getTime() >= saved.readyAt.getTime();
  const canSend = saved !== null && !dirty && unanswered === 0 && cooled;
  const notReadyBecause = !saved
    ? "Save your draft first."
    : dirty
      ? "Save your changes first."
      : unanswered > 0
        ? `Answer the ${unanswered === 1 ? "last question" : `${unanswered} questions`} first.`
        : !cooled
          ? `It will be ready at ${readyTime(saved.readyAt, timeZone, locale, now)}.`
          : null;
  return (
    <section aria-label="Ready to send" className="flex flex-col gap-3">
      <CoolDownRing
        readyAt={saved?.readyAt ?? null}
        now={now}
        timeZone={timeZone}
        restarting={saved !== null && dirty}
      />
      <Button
        onClick={onSend}
        busy={busy}
        disabled={disabled || !canSend}
        aria-describedby={notReadyBecause ? hintId : undefined}
      >
        Mark as sent
      </Button>
      <p id={hintId} className="text-center text-sm text-muted">
        {notReadyBecause ??
          "Nothing is sent from here: send it from your own phone, then mark it here."}
      </p>
    </section>
  );
}
