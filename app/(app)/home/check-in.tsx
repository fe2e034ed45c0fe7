"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { ActivityToday } from "@/lib/schemas/activity";
import { MOOD_LABELS } from "@/lib/schemas/plain";

const faces = [
  "M9 16c1.5-2 4.5-2 6 0",
  "M9 15.5c1.5-1 4.5-1 6 0",
  "M9 15h6",
  "M9 14.5c1.5 1 4.5 1 6 0",
  "M8.5 14c1.7 2.4 5.3 2.4 7 0",
];
// The same five words as the journal's moods.
const moods = MOOD_LABELS.map((label, i) => ({ value: i + 1, label, face: faces[i] }));

/** One tap to say "I showed up today", with how it feels; and a chosen rest day. */
export function CheckIn({ today }: { today: ActivityToday }) {
  const router = useRouter();
  const [mood, setMood] = useState(today.mood ?? undefined);
  const onSuccess = () => router.refresh();
  const checkIn = useDoor((t) => t.activity.checkIn.mutate, { onSuccess });
  const pause = useDoor((t) => t.activity.pauseDay.mutate, { onSuccess });
  const unpause = useDoor((t) => t.activity.unpauseDay.mutate, { onSuccess });
  const error = checkIn.error ?? pause.error ?? unpause.error;

  return (
    <section
      aria-labelledby="check-in"
      className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="check-in" className="text-lg font-bold">
        {today.checkedIn ? "You checked in today" : "How are you today?"}
      </h2>
      <fieldset>
        <legend className="sr-only">Your mood today</legend>
        <div className="grid grid-cols-5 gap-1">
          {moods.map((m) => (
            <label
              key={m.value}
              className={`flex cursor-pointer flex-col items-center gap-1 rounded-xl border py-2 text-xs has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent ${
                mood === m.value
                  ? "border-accent bg-accent-soft font-semibold"
                  : "border-transparent"
              }`}
            >
              <input
                type="radio"
                name="mood"
                value={m.value}
                checked={mood === m.value}
                onChange={() => {
                  setMood(m.value);
                  checkIn.mutate({ mood: m.value });
                }}
                className="sr-only"
              />
              <svg viewBox="0 0 24 24" className="size-8" aria-hidden="true">
                <circle
                  cx="12"
                  cy="12"
                  r="10"
                  fill="none"
                  stroke="var(--color-accent)"
                  strokeWidth="1.6"
                />
                <circle cx="9" cy="10" r="1" fill="var(--color-accent)" />
                <circle cx="15" cy="10" r="1" fill="var(--color-accent)" />
                <path
                  d={m.face}
                  fill="none"
                  stroke="var(--color-accent)"
                  strokeWidth="1.6"
                  strokeLinecap="round"
                />
              </svg>
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormError
        message={error ? mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message : undefined}
      />
      <p className="text-sm text-muted">
        {today.paused ? (
          <>
            Today is a pause day: your streak is safe.{" "}
            <button
              type="button"
              className="font-semibold text-accent underline underline-offset-4"
              onClick={() => unpause.mutate({ day: today.day })}
            >
              Undo
            </button>
          </>
        ) : (
          <>
            Need a day off?{" "}
            <button
              type="button"
              className="font-semibold text-accent underline underline-offset-4"
              onClick={() => pause.mutate({})}
              disabled={today.pauseDaysLeft === 0}
            >
              Take a pause day
            </button>{" "}
            ({today.pauseDaysLeft} left this month)
          </>
        )}
      </p>
    </section>
  );
}
