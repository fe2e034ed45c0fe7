import type { DraftView } from "@/lib/schemas/drafts";
import { formatLocalTime } from "@/lib/stats/days";

export type DraftState = "sent" | "ready" | "resting" | "questions";

/** Where a draft stands at `now`, for its badge: sent, ready, resting, or questions open. */
export function draftState(
  draft: Pick<DraftView, "status" | "readyAt" | "unansweredChecks">,
  now: Date,
): DraftState {
  if (draft.status === "sent") return "sent";
  if (now.getTime() < draft.readyAt.getTime()) return "resting";
  return draft.unansweredChecks.length > 0 ? "questions" : "ready";
}

/** "Sent", "Ready", "Resting until 14:05", "2 questions to answer". */
export function draftStatusText(
  draft: Pick<DraftView, "status" | "readyAt" | "unansweredChecks">,
  timeZone: string,
  locale: string,
  now: Date,
): string {
  switch (draftState(draft, now)) {
    case "sent":
      return "Sent";
    case "ready":
      return "Ready";
    case "resting":
      return `Resting until ${formatLocalTime(draft.readyAt, timeZone, locale, now)}`;
    case "questions": {
      const n = draft.unansweredChecks.length;
      return n === 1 ? "1 question to answer" : `${n} questions to answer`;
    }
  }
}

export const STATE_STYLE: Record<DraftState, string> = {
  sent: "bg-canvas text-muted border border-line",
  ready: "bg-ok/15 text-ok",
  resting: "bg-accent-soft text-accent",
  questions: "bg-accent-soft text-accent",
};
