import "#server-only";
import { limitKeyForAddress } from "@/server/client-ip";
import { door, type Problem, problemHeaders } from "@/server/http/edge";
import { TRY_AGAIN_SECONDS } from "@/server/http/request-scope";
import {
  confirmState,
  confirmSubscription,
  type StopKind,
  stopByToken,
  stopKind,
} from "@/server/services/buddies-mail";
import { buddyLookupLimit } from "./buddy";
import { noticePage } from "./notice-page";

/**
 * The doors a buddy's and a reminder's mails link to. Opening a link (GET) only shows what
 * its button will do, since mail scanners open links by themselves; the button posts.
 */

type TokenParams = { token: string };

function mailProblem(problem: Problem): Response {
  const headers = problemHeaders(problem);
  if (problem.status === 503) {
    return noticePage(
      503,
      {
        title: "That didn't go through",
        text: "We couldn't reach Rekindle just now, so nothing changed. Please try again in a moment.",
      },
      { ...headers, "Retry-After": String(TRY_AGAIN_SECONDS) },
    );
  }
  if (problem.status === 429) {
    return noticePage(429, { title: "Let's take a short pause", text: problem.message }, headers);
  }
  return noticePage(
    problem.status,
    { title: "Something went wrong on our side", text: problem.message },
    headers,
  );
}

const CONFIRM_GONE = {
  title: "This link no longer works",
  text: "It may be more than three days old, or the page it came from was turned off. If you'd still like updates, ask again on your friend's page.",
};

/** GET /b/confirm/<token>: asks before turning the updates on. */
export const confirmPage = door<TokenParams>(
  {
    name: "buddy mail confirm",
    limits: ({ address }) => [buddyLookupLimit(address)],
    answer: mailProblem,
  },
  async ({ db, params, request }) => {
    const state = await confirmState(db, params.token ?? "");
    if (!state) return noticePage(404, CONFIRM_GONE);
    if (state === "confirmed") return confirmed();
    return noticePage(200, {
      title: "Get updates by e-mail?",
      text: "You'll get a short note each week and one when a step is done. Every note has a link to stop them.",
      form: { action: new URL(request.url).pathname, label: "Yes, send me updates" },
    });
  },
);

const confirmed = () =>
  noticePage(200, {
    title: "You're all set",
    text: "The first note comes in a week, or sooner if a step is done. To stop them, use the link at the end of any note.",
  });

/** POST /b/confirm/<token>: the buddy's yes. */
export const confirmPost = door<TokenParams>(
  {
    name: "buddy mail confirm",
    limits: ({ address }) => [buddyLookupLimit(address)],
    answer: mailProblem,
  },
  async ({ db, params }) => {
    const state = await confirmSubscription(db, params.token ?? "");
    return state ? confirmed() : noticePage(404, CONFIRM_GONE);
  },
);

const STOP_WHAT: Record<StopKind, string> = {
  buddy: "updates about your friend",
  reminders: "reminder e-mails",
  already: "updates about your friend",
};

const stopLimit = ({ address }: { address: string }) => [
  ["mailStop", limitKeyForAddress(address)] as const,
];

/** GET /stop/<token>: what the button will stop. */
export const stopPage = door<TokenParams>(
  { name: "mail stop", limits: stopLimit, answer: mailProblem },
  async ({ db, params, request }) => {
    const kind = await stopKind(db, params.token ?? "");
    if (!kind) return stopGone();
    if (kind === "already") return stopped(kind);
    return noticePage(200, {
      title: `Stop ${STOP_WHAT[kind]}?`,
      text:
        kind === "reminders"
          ? "No more reminders will be e-mailed. They still show in the app, and you can turn e-mail back on in Settings."
          : "No more notes will be sent to this address, and it will be deleted.",
      form: { action: new URL(request.url).pathname, label: "Stop these e-mails" },
    });
  },
);

const stopped = (kind: StopKind) =>
  noticePage(200, {
    title: "Stopped",
    text:
      kind === "reminders"
        ? "No more reminders will be e-mailed. They still show in the app; Settings turns e-mail back on."
        : "No more notes will be sent to this address, and it has been deleted.",
  });

const stopGone = () =>
  noticePage(404, {
    title: "This link no longer works",
    text: "Nothing more will be sent because of it.",
  });

/**
 * POST /stop/<token>: stops at once. The button above posts here, and so does a mail app's
 * one-click unsubscribe (RFC 8058: `List-Unsubscribe=One-Click`, no cookies, from the mail
 * provider's servers), so any origin is accepted: the token alone is the key.
 */
export const stopPost = door<TokenParams>(
  { name: "mail stop", limits: stopLimit, answer: mailProblem, anyOrigin: true },
  async ({ db, params }) => {
    const kind = await stopByToken(db, params.token ?? "");
    return kind ? stopped(kind) : stopGone();
  },
);
