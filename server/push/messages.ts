import "#server-only";
import type { PushPayload } from "@/lib/push";

/**
 * What each push says. A lock screen is read by whoever holds the phone, so no push names
 * the ex, quotes anything anyone wrote, or names a buddy; in discreet mode a push is only
 * "A reminder" or "A new note", with nothing under it.
 */

export interface ReminderPushFacts {
  kind: "check_in" | "stalled_step";
  stepNumber: number | null;
  discreet: boolean;
}

export function reminderPush(facts: ReminderPushFacts): PushPayload {
  if (facts.discreet) return { title: "A reminder", body: "", url: "/home", tag: "reminder" };
  if (facts.kind === "stalled_step" && facts.stepNumber !== null) {
    return {
      title: "Your check-in",
      body: `Step ${facts.stepNumber} has been resting a while. One small move today is plenty.`,
      url: `/plan/${facts.stepNumber}`,
      tag: "reminder",
    };
  }
  return {
    title: "Your check-in",
    body: "A minute is enough: say how today is going.",
    url: "/home",
    tag: "reminder",
  };
}

export function notePush(kind: "encouragement" | "nudge", discreet: boolean): PushPayload {
  const url = "/buddies/inbox";
  if (discreet) return { title: "A new note", body: "", url, tag: "note" };
  return {
    title: "A new note",
    body:
      kind === "nudge"
        ? "Someone in your corner is thinking of you."
        : "Someone in your corner sent you a few kind words.",
    url,
    tag: "note",
  };
}

/** The Settings button's test: shows the person how a push arrives on this device. */
export function testPush(discreet: boolean): PushPayload {
  if (discreet) return { title: "A reminder", body: "", url: "/settings/reminders", tag: "test" };
  return {
    title: "Notifications are on",
    body: "This is how your reminders will look on this device.",
    url: "/settings/reminders",
    tag: "test",
  };
}
