import type { BuddyLinkView, BuddyScope } from "@/lib/schemas/buddies";
import { type Day, localDay } from "@/lib/stats/days";
import { formatInstant } from "@/lib/stats/format";

/** What a buddy may see, as the create and change forms offer it. */
export const SCOPE_CHOICES = [
  {
    value: "progress",
    label: "Progress only",
    description: "Your step, streak and how active you've been.",
  },
  {
    value: "progress_and_journal",
    label: "Progress and shared entries",
    description: "Also the journal entries you marked as shared. Never the private ones.",
  },
] as const satisfies readonly { value: BuddyScope; label: string; description: string }[];

/** The same, in a few words for the list. */
export const SCOPE_LABEL: Record<BuddyScope, string> = {
  progress: "Progress only",
  progress_and_journal: "Progress and shared entries",
};

/**
 * The last day a live link works, in the owner's zone, or null when it has no end (or has
 * already ended). The server stores a chosen day as the first moment of the next one, so
 * one millisecond earlier falls on the chosen day itself.
 */
export function lastDayOf(link: BuddyLinkView, timeZone: string): Day | null {
  if (link.status !== "active" || !link.expiresAt) return null;
  return localDay(link.expiresAt.getTime() - 1, timeZone);
}

/** "Tue 14 Jan", with the year when it isn't `today`'s: short enough for a select option. */
export function dayLabel(day: Day, today: Day, locale: string): string {
  // A calendar day has no zone: read it as midnight UTC and write it out in UTC.
  return formatInstant(Date.parse(`${day}T00:00:00Z`), "UTC", locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: "numeric" }),
  });
}
