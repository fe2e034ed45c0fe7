import type { DashboardStreak } from "@/lib/schemas/dashboard";
import { plural } from "./format";

/** One line under the number: what today means for the streak. */
export function streakMessage(streak: DashboardStreak): string {
  if (streak.pausedToday && !streak.activeToday) return "Resting today. Your streak is safe.";
  if (streak.activeToday) return "You showed up today.";
  if (streak.current > 0) return "One small thing today keeps it going.";
  return "One small thing today starts a new streak.";
}

/**
 * The streak as a small flame and a number. The flame is lit when today counts, dimmed
 * while today is still open, and the sentence beside it says which.
 */
export function StreakBadge({
  streak,
  locale,
  className = "",
}: {
  streak: DashboardStreak;
  /** The language for the numbers. */
  locale: string;
  className?: string;
}) {
  const lit = streak.activeToday || streak.pausedToday;
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      <svg viewBox="0 0 40 40" className="size-12 shrink-0" aria-hidden="true" focusable="false">
        <circle cx="20" cy="20" r="19" fill="var(--color-accent-soft)" />
        <path
          d="M20 7c3.2 4.1 7 7.2 7 13a7 7 0 0 1-14 0c0-2.8 1.3-5 3-6.6.3 2 1.1 3.4 2.6 4.1-.5-3.7.2-7.1 1.4-10.5Z"
          fill={lit ? "var(--color-accent)" : "none"}
          stroke="var(--color-accent)"
          strokeWidth="1.8"
          strokeLinejoin="round"
          opacity={lit ? 1 : 0.7}
        />
      </svg>
      <div className="flex flex-col">
        <p className="text-2xl leading-tight font-bold">
          {plural(streak.current, "day", locale)}
          <span className="sr-only"> in a row</span>
        </p>
        <p className="text-sm text-muted">
          <span aria-hidden="true">in a row · </span>
          {streakMessage(streak)}
        </p>
        {streak.longest > streak.current ? (
          <p className="text-xs text-muted">
            Longest lately: {plural(streak.longest, "day", locale)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
