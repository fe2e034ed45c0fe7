import "#server-only";
import type { Mail } from "@/server/mail";

export interface ReminderMailFacts {
  kind: "check_in" | "stalled_step";
  stepNumber: number | null;
  discreet: boolean;
  displayName: string;
  /** Rekindle's public address, without a trailing slash. */
  appUrl: string;
  /** This mail's one-click stop link (RFC 8058): it turns reminder mail off, nothing else. */
  stopUrl?: string;
}

/**
 * A reminder mail. Mail is read on lock screens and shared computers, so it never names
 * the ex, quotes anything the person wrote, or says what the plan is about; in discreet
 * mode it does not even use the person's name or mention a plan. Every one ends with the
 * way to change or stop reminders.
 */
export function reminderMail(to: string, facts: ReminderMailFacts): Mail {
  const settings = `${facts.appUrl}/settings/reminders`;
  const footer = [
    "",
    "You're getting this because you asked for a daily reminder.",
    `To change the time or stop these e-mails: ${settings}`,
    ...(facts.stopUrl ? [`To stop these e-mails in one tap: ${facts.stopUrl}`] : []),
  ];
  const unsubscribeUrl = facts.stopUrl;
  if (facts.discreet) {
    return {
      to,
      discreet: true,
      unsubscribeUrl,
      subject: "A reminder",
      text: [
        "Hello,",
        "",
        "This is the reminder you asked for.",
        "",
        `${facts.appUrl}/home`,
        ...footer,
      ].join("\n"),
    };
  }
  const body =
    facts.kind === "stalled_step" && facts.stepNumber !== null
      ? [
          `Step ${facts.stepNumber} has been resting for a little while. There's no rush: one small move today is plenty.`,
          "",
          `${facts.appUrl}/plan/${facts.stepNumber}`,
        ]
      : [
          "It's your check-in time. A minute is enough: say how today is going.",
          "",
          `${facts.appUrl}/home`,
        ];
  return {
    to,
    unsubscribeUrl,
    subject: "Your check-in",
    text: [`Hi ${facts.displayName},`, "", ...body, ...footer].join("\n"),
  };
}
