import { shortDateTime } from "@/app/_components/dates";
import { Link } from "@/app/_components/link";
import type { UnreadNotes } from "@/lib/schemas/buddies";
import { countOf } from "@/lib/stats/format";
import { ReadNoteButton } from "./read-note-button";

/**
 * A buddy's newest unread note, calm and first on Home. Reading it here marks it read, so it
 * leaves Home and the tab's dot together; anything older waits in the inbox. The note and its
 * date are written on the server: only the button runs in the browser, so the phone starts
 * no time-zone or plural rules while Home comes to life.
 */
export function BuddyNotes({
  unread,
  timeZone,
  locale,
}: {
  unread: UnreadNotes;
  timeZone: string;
  locale: string;
}) {
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
      <ReadNoteButton id={note.id}>
        <Link
          href="/buddies/inbox"
          className="text-sm font-semibold text-accent underline underline-offset-4"
        >
          {more > 0 ? `${countOf(more, "more note", locale)} in your inbox` : "Your inbox"}
        </Link>
      </ReadNoteButton>
    </section>
  );
}
