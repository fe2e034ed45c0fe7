import { moodLabel } from "@/lib/schemas/plain";

/** How far the mouth bends for moods 1–5: a frown, a slight frown, flat, a smile, a grin. */
const MOUTH_BEND = [-5, -2.5, 0, 3, 6] as const;

/** A simple face for a mood from 1 to 5. Decorative: pair it with the mood's words. */
export function MoodFace({ mood, className = "size-8" }: { mood: number; className?: string }) {
  const bend = MOUTH_BEND[mood - 1] ?? 0;
  const mouthY = 21 - bend / 3;
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <circle
        cx="16"
        cy="16"
        r="14"
        fill="var(--color-accent-soft)"
        stroke="var(--color-accent)"
        strokeWidth="1.5"
      />
      <circle cx="11" cy="13" r="1.8" fill="var(--color-accent)" />
      <circle cx="21" cy="13" r="1.8" fill="var(--color-accent)" />
      <path
        d={`M10 ${mouthY} Q16 ${mouthY + bend} 22 ${mouthY}`}
        fill="none"
        stroke="var(--color-accent)"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The face plus words for screen readers ("Mood: Good, 4 of 5"). */
export function MoodBadge({ mood, className }: { mood: number; className?: string }) {
  return (
    <span className="inline-flex items-center">
      <MoodFace mood={mood} className={className} />
      <span className="sr-only">
        Mood: {moodLabel(mood)}, {mood} of 5
      </span>
    </span>
  );
}
