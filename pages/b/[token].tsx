import type { GetServerSideProps } from "next";
import { renderToStaticMarkup } from "react-dom/server";
import { Logo } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button-class";
import { BuddyProgress } from "@/app/b/[token]/buddy-view";
import { type BuddyPageProps, noticeFor } from "@/app/b/[token]/form-notices";
import { SaveToSupporting } from "@/app/b/[token]/save-form";
import { ThanksList, UpdatesForm } from "@/app/b/[token]/updates-form";
import { BuddyDocument } from "@/app/b/buddy-document";
import { LinkBusy, LinkGone } from "@/app/b/notices";
import { ENCOURAGEMENT_MESSAGE_MAX, ENCOURAGEMENT_NAME_MAX } from "@/lib/schemas/plain";
import { builtStylesheets } from "@/server/http/built-styles";
import { contentSecurityPolicy } from "@/server/http/csp";
import { buddyPage } from "@/server/http/doors/buddy";

/**
 * The buddy page is the one Pages Router page, and it writes its own answer: its
 * getServerSideProps renders the whole document (app/b/buddy-document.tsx) with React's
 * Node renderer and sends it, so Next.js renders nothing after it. The page needs no
 * script (plain HTML and form posts), and Next's own document pipeline, two renders through
 * web streams, cost about 1.3 ms of CPU a request, more than the page's data
 * (docs/benchmarks.md). Development answers the same way, so both serve one page.
 *
 * The page's door (server/http/doors/buddy.ts) counts the lookup, looks the link up once and
 * says which page to show under which status: 200, 404 for a dead link, 429 with
 * Retry-After, 503 while the database is away. Every variant renders here, so the status
 * is the page's own, whatever headers the request carried.
 */
export const getServerSideProps: GetServerSideProps<BuddyPageProps, { token: string }> = async ({
  params,
  query,
  req,
  res,
}) => {
  const dev = process.env.NODE_ENV !== "production";
  // The page sends no script, in development too, so its policy lets none run.
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(null, dev));
  const { status, headers, data } = await buddyPage({ token: params?.token, headers: req.headers });
  const props: BuddyPageProps = {
    ...data,
    notice: data.kind === "view" ? noticeFor(query) : null,
  };
  const html = renderToStaticMarkup(
    <BuddyDocument title={titleOf(props)} stylesheets={builtStylesheets(dev)}>
      <BuddyPage {...props} />
    </BuddyDocument>,
  );
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(`<!DOCTYPE html>${html}`);
  return { props };
};

/** The tab's title for each variant of the page. */
function titleOf(props: BuddyPageProps): string {
  switch (props.kind) {
    case "gone":
      return "Link no longer works";
    case "busy":
      return "A short pause";
    case "away":
    case "error":
      return "Please try again in a moment";
    case "view":
      return "A friend's progress";
  }
}

/**
 * The page a buddy opens from the owner's link. Server-rendered with no client code, so it
 * reads and sends with JavaScript off; unknown, revoked and expired links all get the same
 * 404, and a limit or an absent database its own page under its own status.
 */
export default function BuddyPage(props: BuddyPageProps) {
  if (props.kind === "gone") {
    return <LinkGone />;
  }
  if (props.kind === "busy") {
    return <LinkBusy minutes={props.minutes} />;
  }
  if (props.kind === "away" || props.kind === "error") {
    return (
      <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
        <Logo className="size-12" />
        <h1 className="text-3xl font-bold">
          {props.kind === "away"
            ? "We couldn't open this page just now"
            : "Something went wrong on our side"}
        </h1>
        <p className="text-muted">Nothing is lost. Please wait a moment, then try again.</p>
        {props.kind === "error" && props.reference ? (
          <p className="text-sm text-muted">Reference: {props.reference}</p>
        ) : null}
        <a href={`/b/${encodeURIComponent(props.token)}`} className={buttonClass("primary")}>
          Try again
        </a>
      </main>
    );
  }

  const { token, view, notice, save } = props;
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
      <BuddyProgress view={view} locale={props.locale} />
      <ThanksList thanks={props.thanks} ownerName={view.ownerName} locale={props.locale} />

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
      <UpdatesForm token={token} ownerName={view.ownerName} updates={props.updates} />
      <SaveToSupporting token={token} state={save} />
    </main>
  );
}
