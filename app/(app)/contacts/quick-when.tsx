"use client";

import { localDateTimeIn } from "@/lib/schemas/local-time";

export type When = "now" | "earlier" | "yesterday" | "custom";
type Quick = Exclude<When, "custom">;

const QUICK: { value: Quick; label: string }[] = [
  { value: "now", label: "Just now" },
  { value: "earlier", label: "Earlier today" },
  { value: "yesterday", label: "Yesterday" },
];

const HOUR = 60 * 60 * 1000;

/**
 * The wall-clock time, "2026-09-14T18:30", a quick choice stands for in `timeZone`:
 * "earlier today" is two hours ago, or midnight if that was yesterday, to adjust from.
 * Worked in wall-clock text alone, so the form carries no zone arithmetic (@date-fns/tz).
 */
export function quickTime(choice: Quick, timeZone: string, now = Date.now()): string {
  if (choice === "earlier") {
    const today = localDateTimeIn(now, timeZone).slice(0, 10);
    const twoHoursAgo = localDateTimeIn(now - 2 * HOUR, timeZone).slice(0, 16);
    // A midnight a clock change skips is saved as the first minute after it, as any
    // skipped time is (zonedInstant).
    return twoHoursAgo.startsWith(today) ? twoHoursAgo : `${today}T00:00`;
  }
  return localDateTimeIn(choice === "yesterday" ? now - 24 * HOUR : now, timeZone).slice(0, 16);
}

/** The three quick choices above the date field, the chosen one pressed. */
export function QuickWhen({ when, onPick }: { when: When; onPick: (choice: Quick) => void }) {
  return (
    <div className="grid grid-cols-3 gap-2">
      {QUICK.map((q) => (
        <button
          key={q.value}
          type="button"
          aria-pressed={when === q.value}
          onClick={() => onPick(q.value)}
          className="min-h-11 rounded-full border border-line bg-surface px-2 text-sm leading-tight font-semibold aria-pressed:border-accent aria-pressed:ring-1 aria-pressed:ring-accent aria-pressed:bg-accent-soft aria-pressed:text-accent"
        >
          {q.label}
        </button>
      ))}
    </div>
  );
}
