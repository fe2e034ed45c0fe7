import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import type { DraftStep } from "@/lib/schemas/drafts";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";
import { noPlan } from "./no-plan";
import { draftState, draftStatusText, STATE_STYLE } from "./status";

export const metadata: Metadata = { title: "Drafts" };

/** The first line of a draft, short enough for a list on a phone. */
function preview(body: string): string {
  const firstLine = body.split("\n").find((line) => line.trim() !== "") ?? "";
  return firstLine.length > 90 ? `${firstLine.slice(0, 88).trimEnd()}…` : firstLine;
}

export default async function DraftsPage() {
  const { user } = await requireSession();
  const locale = await requestLocale();
  const trpc = await serverCaller();
  const drafts = await trpc.drafts.list();
  // Without a plan in progress there are no steps to write for.
  const steps: DraftStep[] | null = await trpc.drafts.steps().catch(noPlan(null));
  const now = new Date();
  // Discreet mode: steps go by their number alone.
  const titleOf = new Map(user.discreet ? [] : steps?.map((s) => [s.stepNumber, s.title]));

  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Drafts</h1>
        <p className="text-muted">
          Write it here first. Each draft rests for an hour after you change it, so you can read it
          again with fresh eyes before you send it yourself.
        </p>
      </div>

      {steps === null ? (
        <section className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
          <h2 className="text-xl font-bold">Drafts belong to a plan</h2>
          <p className="text-muted">Once you've started your plan, you can write drafts here.</p>
          <Link href="/home" className={buttonClass("secondary")}>
            Go to your home page
          </Link>
        </section>
      ) : (
        <section aria-labelledby="start" className="flex flex-col gap-3">
          <h2 id="start" className="text-lg font-bold">
            Start a new draft
          </h2>
          <ul className="flex flex-col gap-2">
            {steps.map((step) => (
              <li key={step.stepNumber}>
                <Link
                  href={`/drafts/new?step=${step.stepNumber}`}
                  className="flex min-h-12 items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-3 font-semibold hover:bg-accent-soft"
                >
                  <span>
                    <span className="text-sm font-normal text-muted">
                      Step {step.stepNumber}
                      {user.discreet ? "" : " · "}
                    </span>
                    {user.discreet ? null : step.title}
                  </span>
                  <span aria-hidden="true" className="text-accent">
                    +
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="yours" className="flex flex-col gap-3">
        <h2 id="yours" className="text-lg font-bold">
          Your drafts
        </h2>
        {drafts.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-line p-5 text-muted">
            Nothing here yet. Your drafts stay private to you.
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {drafts.map((draft) => {
              const state = draftState(draft, now);
              return (
                <li key={draft.id}>
                  <Link
                    href={`/drafts/${draft.id}`}
                    className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4 hover:bg-accent-soft"
                  >
                    <span className="flex items-center justify-between gap-3 text-sm">
                      <span className="text-muted">
                        Step {draft.stepNumber}
                        {titleOf.get(draft.stepNumber) ? ` · ${titleOf.get(draft.stepNumber)}` : ""}
                      </span>
                      <span
                        className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATE_STYLE[state]}`}
                      >
                        {draftStatusText(draft, user.timeZone, locale, now)}
                      </span>
                    </span>
                    <span dir="auto" className="break-words">
                      {preview(draft.body)}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
