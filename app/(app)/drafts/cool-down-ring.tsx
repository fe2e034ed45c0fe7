import { useLocale } from "@/app/_components/locale";
import { DRAFT_COOL_DOWN_MINUTES } from "@/lib/schemas/plain";
import { readyTime } from "./ready-time";

const R = 26;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * The hour a draft rests, as a ring that fills up, with the time it's ready in the user's
 * zone. Before the first save there is nothing to count yet, and the ring says so.
 */
export function CoolDownRing({
  readyAt,
  now,
  timeZone,
  restarting,
}: {
  /** Null for a draft not saved yet. */
  readyAt: Date | null;
  now: Date;
  timeZone: string;
  /** Unsaved changes to the text: saving them starts the hour again. */
  restarting: boolean;
}) {
  const locale = useLocale();
  const total = DRAFT_COOL_DOWN_MINUTES * 60_000;
  const left = readyAt ? Math.max(0, readyAt.getTime() - now.getTime()) : total;
  const progress = readyAt ? 1 - left / total : 0;
  const minutesLeft = Math.ceil(left / 60_000);
  const rested = readyAt !== null && left === 0;

  let headline: string;
  let detail: string;
  if (!readyAt) {
    headline = "Rests for an hour";
    detail = "The hour starts when you save.";
  } else if (rested) {
    headline = "Rested";
    detail = restarting ? "Saving your changes starts the hour again." : "You've given it time.";
  } else {
    headline = `Ready at ${readyTime(readyAt, timeZone, locale, now)}`;
    detail = restarting
      ? "Saving your changes starts the hour again."
      : "Time to step away. Read it again later with fresh eyes.";
  }

  return (
    <div
      role="progressbar"
      aria-label="Cool-down"
      aria-valuemin={0}
      aria-valuemax={DRAFT_COOL_DOWN_MINUTES}
      aria-valuenow={DRAFT_COOL_DOWN_MINUTES - minutesLeft}
      aria-valuetext={`${headline}. ${detail}`}
      className="flex items-center gap-4 rounded-2xl bg-accent-soft p-4"
    >
      <svg viewBox="0 0 64 64" className="size-16 shrink-0 -rotate-90" aria-hidden="true">
        <circle cx="32" cy="32" r={R} fill="none" stroke="var(--color-line)" strokeWidth="6" />
        {progress > 0 ? (
          <circle
            cx="32"
            cy="32"
            r={R}
            fill="none"
            stroke={rested ? "var(--color-ok)" : "var(--color-accent)"}
            strokeWidth="6"
            strokeLinecap="round"
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - progress)}
            className="transition-[stroke-dashoffset] duration-700"
          />
        ) : null}
        <text
          x="32"
          y="37"
          textAnchor="middle"
          fontSize="15"
          fontWeight="700"
          fill="var(--color-ink)"
          transform="rotate(90 32 32)"
        >
          {rested ? "✓" : readyAt ? `${minutesLeft}m` : "1h"}
        </text>
      </svg>
      <div className="flex flex-col gap-0.5">
        <p className="font-semibold">{headline}</p>
        <p className="text-sm text-muted">{detail}</p>
      </div>
    </div>
  );
}
