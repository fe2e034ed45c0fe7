"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { UnreadNotes } from "@/lib/schemas/buddies";
import { countOf } from "@/lib/stats/format";

/**
 * A buddy's newest unread note, calm and first on Home. Reading it here marks it read, so it
 * leaves Home and the tab's dot together; anything older waits in the inbox.
 */
export function BuddyNotes({ unread, timeZone }: { unread: UnreadNotes; timeZone: string }) {
  const router = useRouter();
  const locale = useLocale();
  const read = useDoor((t) => t.buddies.markAllRead.mutate, { onSuccess: () => router.refresh() });
  const note = unread.latest[0];
  if (!note) return null;
  const from = note.name ?? "A buddy";
  const more = unread.count - 1;
  return (
    <section
      aria-labelledby="buddy-note"
      className="flex flex-col gap-3 rounded-2xl border border-accent bg-accent-soft p-5"
    >
      <h2 id="buddy-note" className="text-lg font-bold [overflow-wrap:anywhere]">
        {note.kind === "nudge" ? `${from} is thinking of you` : `A kind word from ${from}`}
      </h2>
      {note.kind === "nudge" ? (
        <p>They noticed it's been quiet and wanted you to know they're there.</p>
      ) : (
        <blockquote dir="auto" className="whitespace-pre-wrap text-lg [overflow-wrap:anywhere]">
          {note.message}
        </blockquote>
      )}
      <p className="text-sm text-muted [overflow-wrap:anywhere]">
        {shortDateTime(note.createdAt, timeZone, locale)} · {note.linkLabel}
      </p>
      <FormError
        message={
          read.error ? mutationProblem(read.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          busy={read.isPending}
          onClick={() => read.mutate({ ids: [note.id] })}
        >
          I've read it
        </Button>
        <Link
          href="/buddies/inbox"
          className="text-sm font-semibold text-accent underline underline-offset-4"
        >
          {more > 0 ? `${countOf(more, "more note", locale)} in your inbox` : "Your inbox"}
        </Link>
      </div>
    </section>
  );
}
