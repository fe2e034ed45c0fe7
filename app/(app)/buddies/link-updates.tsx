"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { BuddyUpdates } from "@/lib/schemas/buddy-mail";

export interface LinkUpdatesRow {
  linkId: string;
  label: string;
  updates: BuddyUpdates;
}

const WORDS: Record<BuddyUpdates, string> = {
  on: "Gets a weekly e-mail and one when you finish a step",
  pending: "Asked for e-mails; waiting for them to confirm",
  off: "No e-mails",
};

/**
 * Per live link, whether its buddy asked to hear by e-mail, and a way to stop it: the
 * buddy's address is deleted at once. The owner never sees the address.
 */
export function LinkUpdates({ rows }: { rows: LinkUpdatesRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="buddy-updates" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="buddy-updates" className="text-xl font-bold">
          Updates by e-mail
        </h2>
        <p className="text-sm text-muted">
          A buddy can ask on their page for a short e-mail each week and when you finish a step:
          only what their page shows.
        </p>
      </div>
      <ul className="flex flex-col gap-2">
        {rows.map((row) => (
          <UpdatesRow key={row.linkId} row={row} />
        ))}
      </ul>
    </section>
  );
}

function UpdatesRow({ row }: { row: LinkUpdatesRow }) {
  const router = useRouter();
  const stop = useDoor((t) => t.buddies.stopUpdates.mutate, { onSuccess: () => router.refresh() });
  return (
    <li className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0">
          <span dir="auto" className="font-semibold [overflow-wrap:anywhere]">
            {row.label}
          </span>
          <span className="block text-sm text-muted">{WORDS[row.updates]}</span>
        </p>
        {row.updates === "off" ? null : (
          <Button
            variant="secondary"
            busy={stop.isPending}
            onClick={() => stop.mutate({ id: row.linkId })}
          >
            Stop e-mails<span className="sr-only"> for {row.label}</span>
          </Button>
        )}
      </div>
      <FormError
        message={
          stop.error ? mutationProblem(stop.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
    </li>
  );
}
