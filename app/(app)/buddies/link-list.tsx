"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { dayKey, shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { useLocale } from "@/app/_components/locale";
import { isLocalMidnight } from "@/app/_components/moments";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useDoor } from "@/app/_trpc/client";
import type { BuddyLinkView } from "@/lib/schemas/buddies";
import { dayLabel, SCOPE_LABEL } from "./link-options";

/** A row's own actions: smaller than the page's buttons, still a full tap target. */
const ROW_ACTION =
  "inline-flex min-h-12 items-center justify-center rounded-xl font-semibold underline-offset-4 hover:underline";

const STATUS_LABEL = { active: "Active", revoked: "Revoked", expired: "Ended" } as const;

export function LinkList({ links, timeZone }: { links: BuddyLinkView[]; timeZone: string }) {
  if (links.length === 0) {
    return (
      <p className="rounded-2xl border border-line bg-surface p-5 text-muted">
        No buddy links yet. When you invite someone, their link shows up here.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3">
      {links.map((link) => (
        <LinkRow key={link.id} link={link} timeZone={timeZone} />
      ))}
    </ul>
  );
}

/**
 * When a link stops. A chosen last day is stored as the next midnight, which would read as
 * the day after: name the chosen day instead.
 */
function endText(at: Date, timeZone: string, locale: string): string {
  if (!isLocalMidnight(at, timeZone)) return shortDateTime(at, timeZone, locale);
  const lastDay = dayKey(at.getTime() - 1, timeZone);
  return `${dayLabel(lastDay, dayKey(Date.now(), timeZone), locale)}, end of the day`;
}

function ends(
  link: BuddyLinkView,
  timeZone: string,
  locale: string,
): { term: string; text: string } {
  if (link.status === "revoked" && link.revokedAt) {
    return { term: "Revoked on", text: shortDateTime(link.revokedAt, timeZone, locale) };
  }
  if (link.status === "expired" && link.expiresAt) {
    return { term: "Ended on", text: endText(link.expiresAt, timeZone, locale) };
  }
  return {
    term: "Expires",
    text: link.expiresAt ? endText(link.expiresAt, timeZone, locale) : "Never, until you revoke it",
  };
}

function LinkRow({ link, timeZone }: { link: BuddyLinkView; timeZone: string }) {
  const locale = useLocale();
  const router = useRouter();
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const revoke = useDoor((t) => t.buddies.revoke.mutate, { onSuccess: () => router.refresh() });
  const remove = useDoor((t) => t.buddies.remove.mutate, { onSuccess: () => router.refresh() });
  // Once asked, focus lands on the safe answer rather than on the page.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const active = link.status === "active";
  const end = ends(link, timeZone, locale);
  return (
    <li
      className={`flex flex-col gap-3 rounded-2xl border p-4 ${
        active ? "border-line bg-surface" : "border-dashed border-line bg-canvas"
      }`}
    >
      <div className="flex items-start justify-between gap-3">
        <h2
          dir="auto"
          className={`min-w-0 text-lg font-bold [overflow-wrap:anywhere] ${active ? "" : "text-muted"}`}
        >
          {link.label}
        </h2>
        <span
          className={`shrink-0 rounded-full px-3 py-1 text-sm font-semibold ${
            active ? "bg-accent-soft text-ink" : "border border-line text-muted"
          }`}
        >
          {STATUS_LABEL[link.status]}
        </span>
      </div>
      <dl
        className={`grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm ${active ? "" : "text-muted"}`}
      >
        <dt className="text-muted">Shows</dt>
        <dd>
          {SCOPE_LABEL[link.scope]}
          {link.showExName ? ", with their name" : ""}
        </dd>
        <dt className="text-muted">Created</dt>
        <dd>{shortDateTime(link.createdAt, timeZone, locale)}</dd>
        <dt className="text-muted">{end.term}</dt>
        <dd>{end.text}</dd>
        <dt className="text-muted">Last opened</dt>
        <dd>
          {link.lastOpenedAt ? shortDateTime(link.lastOpenedAt, timeZone, locale) : "Not yet"}
        </dd>
        <dt className="text-muted">Times opened</dt>
        <dd>{link.openCount}</dd>
      </dl>
      {!active ? (
        <ConfirmDelete
          what={`the link for ${link.label}`}
          detail="The notes your buddy sent through it go with it."
          onConfirm={() => remove.mutate({ id: link.id })}
          busy={remove.isPending}
          error={
            remove.error
              ? mutationProblem(remove.error, UNREACHABLE_NOTHING_CHANGED).message
              : undefined
          }
        />
      ) : confirming ? (
        <div className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
          <p>
            Revoke the link for <span className="[overflow-wrap:anywhere]">{link.label}</span>? It
            stops working at once. You can always invite them again.
          </p>
          <FormError
            message={
              revoke.error
                ? mutationProblem(revoke.error, UNREACHABLE_NOTHING_CHANGED).message
                : undefined
            }
          />
          {/* Side by side while they fit, one above the other on a narrow phone. */}
          <div className="flex flex-wrap gap-3">
            <Button
              variant="danger"
              busy={revoke.isPending}
              onClick={() => revoke.mutate({ id: link.id })}
              className="grow whitespace-nowrap"
            >
              Yes, revoke
            </Button>
            <button
              ref={keep}
              type="button"
              onClick={() => setConfirming(false)}
              className={buttonClass("secondary", "grow whitespace-nowrap")}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/buddies/${link.id}/edit`}
            className={`${ROW_ACTION} border border-line bg-surface px-4 text-ink hover:bg-accent-soft`}
          >
            Change<span className="sr-only"> the link for {link.label}</span>
          </Link>
          <Link href={`/buddies/${link.id}/preview`} className={`${ROW_ACTION} px-3 text-accent`}>
            Preview<span className="sr-only"> as buddy, for {link.label}</span>
          </Link>
          <button
            type="button"
            disabled={!hydrated}
            onClick={() => setConfirming(true)}
            className={`${ROW_ACTION} ml-auto px-3 text-danger`}
          >
            Revoke<span className="sr-only"> the link for {link.label}</span>
          </button>
        </div>
      )}
    </li>
  );
}
