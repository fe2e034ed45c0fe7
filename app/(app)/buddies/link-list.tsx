"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { dateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useTRPC } from "@/app/_trpc/client";
import type { BuddyLinkView } from "@/server/schemas/buddies";

const SCOPE_LABEL = {
  progress: "Progress only",
  progress_and_journal: "Progress and shared journal entries",
} as const;

const STATUS_LABEL = { active: "Active", revoked: "Revoked", expired: "Expired" } as const;

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

function LinkRow({ link, timeZone }: { link: BuddyLinkView; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.buddies.revoke.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const active = link.status === "active";
  return (
    <li className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-bold">{link.label}</h2>
        <span
          className={`rounded-full px-3 py-1 text-sm ${active ? "bg-accent-soft" : "border border-line text-muted"}`}
        >
          {STATUS_LABEL[link.status]}
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Shows</dt>
        <dd>
          {SCOPE_LABEL[link.scope]}
          {link.showExName ? ", with your ex's name" : ""}
        </dd>
        <dt className="text-muted">Created</dt>
        <dd>{dateTime(link.createdAt, timeZone)}</dd>
        <dt className="text-muted">Expires</dt>
        <dd>{link.expiresAt ? dateTime(link.expiresAt, timeZone) : "Never"}</dd>
        <dt className="text-muted">Last opened</dt>
        <dd>
          {link.lastOpenedAt ? dateTime(link.lastOpenedAt, timeZone) : "Not yet"} ({link.openCount}{" "}
          {link.openCount === 1 ? "time" : "times"})
        </dd>
      </dl>
      {active ? (
        confirming ? (
          <div className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
            <p>The link stops working at once. You can always invite them again.</p>
            <FormError
              message={
                revoke.error
                  ? mutationProblem(revoke.error, UNREACHABLE_NOTHING_CHANGED).message
                  : undefined
              }
            />
            <div className="flex gap-3">
              <Button
                variant="danger"
                busy={revoke.isPending}
                onClick={() => revoke.mutate({ id: link.id })}
                className="flex-1"
              >
                Yes, revoke
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)} className="flex-1">
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/buddies/${link.id}/preview`}
              className="inline-flex min-h-12 items-center font-semibold text-accent underline-offset-4 hover:underline"
            >
              Preview as buddy<span className="sr-only"> for {link.label}</span>
            </Link>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Revoke<span className="sr-only"> the link for {link.label}</span>
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}
