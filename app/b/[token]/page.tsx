import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Logo } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { getDb } from "@/db/client";
import { ENCOURAGEMENT_MESSAGE_MAX, ENCOURAGEMENT_NAME_MAX } from "@/server/schemas/buddies";
import { buddyView } from "@/server/services/buddies";
import { BuddyProgress } from "./buddy-view";
import { SaveToSupporting } from "./save-form";

export const dynamic = "force-dynamic";

// Robots and referrer rules are set by the layout, so the 404 carries them too.
export const metadata: Metadata = { title: "A friend's progress" };

/** What the form posts answer with, as a flag in the address: never the buddy's words. */
const NOTICES: Record<string, { text: string; ok: boolean }> = {
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

function noticeFor(params: Record<string, string | string[] | undefined>) {
  if (params.sent === "1") return NOTICES.sent;
  if (params.nudged === "1") return NOTICES.nudged;
  if (params.saved === "1") return NOTICES.saved;
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
  return error ? NOTICES[error] : undefined;
}

/**
 * The page a buddy opens from the owner's link. Server-rendered with no client code, so it
 * reads and sends with JavaScript off; unknown, revoked and expired links all get the same
 * 404.
 */
export default async function BuddyPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const view = await buddyView(await getDb(), token);
  if (!view) notFound();
  const notice = noticeFor(await searchParams);
  const base = `/b/${encodeURIComponent(token)}`;

  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col gap-6 px-5 pt-6 pb-16">
      <p className="flex items-center gap-2 text-lg font-bold">
        <Logo /> Rekindle
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Cheering on {view.ownerName}</h1>
        <p className="text-muted">
          {view.ownerName} asked you to keep them company on their plan. Here is how it's going.
        </p>
      </div>
      {notice ? (
        <p
          role="status"
          className={`rounded-xl border p-3 ${notice.ok ? "border-ok text-ok" : "border-danger text-danger"}`}
        >
          {notice.text}
        </p>
      ) : null}
      <BuddyProgress view={view} />

      {view.canNudge ? (
        <form method="post" action={`${base}/nudge`} className="flex flex-col gap-2">
          <p className="text-muted">No words needed: let them know you're thinking of them.</p>
          <button type="submit" className={buttonClass("secondary")}>
            Send a nudge
          </button>
        </form>
      ) : null}

      <form
        method="post"
        action={`${base}/encourage`}
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 className="text-xl font-bold">Send some encouragement</h2>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="buddy-name" className="text-sm font-semibold">
            Your name (optional)
          </label>
          <input
            id="buddy-name"
            name="name"
            maxLength={ENCOURAGEMENT_NAME_MAX}
            autoComplete="given-name"
            className="min-h-12 w-full rounded-xl border border-line bg-surface px-4 text-base text-ink"
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="buddy-message" className="text-sm font-semibold">
            Your message
          </label>
          <textarea
            id="buddy-message"
            name="message"
            required
            rows={4}
            maxLength={ENCOURAGEMENT_MESSAGE_MAX}
            aria-describedby="buddy-message-hint"
            className="w-full rounded-xl border border-line bg-surface px-4 py-3 text-base text-ink"
          />
          <p id="buddy-message-hint" className="text-sm text-muted">
            Up to {ENCOURAGEMENT_MESSAGE_MAX} characters. Only {view.ownerName} will read it.
          </p>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Send encouragement
        </button>
      </form>
      <SaveToSupporting token={token} />
    </main>
  );
}
