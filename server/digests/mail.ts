import "#server-only";
import type { BuddyView } from "@/lib/schemas/buddies";
import { addDays, countNoun } from "@/lib/stats";
import type { Mail } from "@/server/mail";

export type DigestKind = "weekly" | "step_done";

export interface DigestFacts {
  kind: DigestKind;
  /** For a step done: which one. */
  stepNumber: number | null;
  /** Exactly what the buddy page shows right now (services/buddies.ts viewFor). */
  view: BuddyView;
  /** The owner's calendar day now. */
  today: string;
  /** The one-click stop link for this mail. */
  stopUrl: string;
}

function lastActive(view: BuddyView): string {
  if (view.daysSinceActive === null) return "not lately";
  if (view.daysSinceActive === 0) return "today";
  if (view.daysSinceActive === 1) return "yesterday";
  return `${view.daysSinceActive} days ago`;
}

/** Where the plan stands, in the words the page uses. */
function whereTheyAre(view: BuddyView): string[] {
  const lines = [`${view.stepsDone} of ${view.stepsTotal} steps done.`];
  if (view.currentStep) {
    lines.push(`Now on step ${view.currentStep.number}: ${view.currentStep.title}.`);
  }
  return lines;
}

/** Shared entries from the last seven days; only a link whose scope has the journal has any. */
function sharedThisWeek(view: BuddyView, today: string): number {
  if (view.scope !== "progress_and_journal") return 0;
  const weekAgo = addDays(today, -6);
  return view.sharedEntries.filter((e) => e.day >= weekAgo).length;
}

/**
 * A note to a buddy who asked for updates. It is built only from what the buddy page shows
 * (the view that page renders), and says less: no journal entry is quoted, only how many
 * were shared, so nothing written travels in a mail. Every one ends with the one-tap stop.
 */
export function digestMail(to: string, facts: DigestFacts): Mail {
  const { view } = facts;
  const name = view.ownerName;
  const footer = [
    "",
    `Open the link ${name} shared with you to see more or send a kind word.`,
    "",
    `You're getting this because you asked for updates on ${name}'s Rekindle page.`,
    `To stop these e-mails: ${facts.stopUrl}`,
  ];
  if (facts.kind === "step_done") {
    return {
      to,
      subject: `${name} finished a step`,
      unsubscribeUrl: facts.stopUrl,
      text: [
        "Hi,",
        "",
        `${name} has finished step ${facts.stepNumber ?? view.stepsDone}.`,
        ...whereTheyAre(view),
        "",
        "A few words from you might mean a lot right now.",
        ...footer,
      ].join("\n"),
    };
  }
  const shared = sharedThisWeek(view, facts.today);
  const body = [
    ...whereTheyAre(view),
    `Active on ${view.activeDaysThisWeek} ${countNoun(view.activeDaysThisWeek, "day")} this week; last active ${lastActive(view)}.`,
    `Streak: ${view.streak} ${countNoun(view.streak, "day")}.`,
  ];
  if (shared > 0) {
    body.push(
      `${name} shared ${shared === 1 ? "a journal entry" : `${shared} journal entries`} this week. You can read them on the page.`,
    );
  }
  if (view.quiet) body.push("", `${name} has been quiet for a few days. A kind word might help.`);
  return {
    to,
    subject: `${name}'s week`,
    unsubscribeUrl: facts.stopUrl,
    text: ["Hi,", "", `Here's how ${name} is doing.`, "", ...body, ...footer].join("\n"),
  };
}
