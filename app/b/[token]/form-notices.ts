import { ENCOURAGEMENT_MESSAGE_MAX, ENCOURAGEMENT_NAME_MAX } from "@/lib/schemas/plain";
import type { BuddyPageData } from "@/server/http/doors/buddy";

export interface Notice {
  text: string;
  ok: boolean;
}

/** What the form posts answer with, as a flag in the address: never the buddy's words. */
const NOTICES: Record<string, Notice> = {
  sent: { text: "Sent. Thank you for being there.", ok: true },
  nudged: { text: "Nudge sent. They'll see you're thinking of them.", ok: true },
  message: {
    text: `Please write a message of up to ${ENCOURAGEMENT_MESSAGE_MAX} characters.`,
    ok: false,
  },
  name: {
    text: `Please keep your name to ${ENCOURAGEMENT_NAME_MAX} characters or fewer.`,
    ok: false,
  },
  nudge: { text: "A nudge can be sent once a day, while they've been quiet.", ok: false },
  subscribed: {
    text: "Almost there: we've sent you an e-mail. Open the link in it to start the updates.",
    ok: true,
  },
  email: { text: "Please enter a valid e-mail address, like name@example.com.", ok: false },
  saved: {
    text: "Saved. You'll find them on your home page, under People you support.",
    ok: true,
  },
  own: {
    text: "This is your own link, so there's nothing to save: your progress is already on your home page.",
    ok: false,
  },
  full: {
    text: "You can keep up to 20 people on your home. Remove someone there to make room.",
    ok: false,
  },
};

type Query = Record<string, string | string[] | undefined>;

export function noticeFor(params: Query): Notice | null {
  if (params.sent === "1") return NOTICES.sent ?? null;
  if (params.nudged === "1") return NOTICES.nudged ?? null;
  if (params.saved === "1") return NOTICES.saved ?? null;
  if (params.subscribed === "1") return NOTICES.subscribed ?? null;
  const error = typeof params.error === "string" ? params.error : null;
  if (error === "limit") {
    const minutes = Math.min(24 * 60, Math.max(1, Number(params.wait) || 1));
    const wait =
      minutes <= 1
        ? "Please wait a minute"
        : minutes < 90
          ? `Please wait ${minutes} minutes`
          : `Please wait about ${Math.round(minutes / 60)} hours`;
    return { text: `You've sent a lot of messages for now. ${wait}, then try again.`, ok: false };
  }
  // Own keys only: ?error=constructor must not find Object's.
  return error && Object.hasOwn(NOTICES, error) ? (NOTICES[error] ?? null) : null;
}

/** What pages/b/[token].tsx renders: the door's data, and the notice a form post left. */
export type BuddyPageProps = BuddyPageData & { notice: Notice | null };
