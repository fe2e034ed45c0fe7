import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { JOURNAL_PAGE_SIZE } from "@/lib/schemas/plain";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { NotebookIllustration } from "./journal-art";
import { JournalList } from "./journal-list";

export const metadata: Metadata = { title: "Journal" };

export default async function JournalPage() {
  const { user } = await requireSession();
  const first = await (await serverCaller()).journal.list({ limit: JOURNAL_PAGE_SIZE });
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Journal</h1>
        <p className="text-muted">Only you can read it, unless you share a single entry.</p>
      </div>
      <Link href="/journal/new" className={buttonClass("primary")}>
        <PenIcon /> Write an entry
      </Link>
      {first.items.length === 0 ? (
        <section
          aria-labelledby="empty-journal"
          className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
        >
          <NotebookIllustration className="mx-auto w-56" />
          <h2 id="empty-journal" className="text-xl font-bold">
            A quiet place for what's on your mind
          </h2>
          <p className="text-muted">
            Write down how today went, what stirred when their name came up, or what you're hoping
            for. A few honest lines a day help you notice what's changing and keep you steady when
            things feel uncertain.
          </p>
          <p className="text-muted">
            Pick a mood, write as much or as little as you like. It stays private unless you choose
            to share one entry with your buddy.
          </p>
        </section>
      ) : (
        <JournalList initial={first} timeZone={user.timeZone} />
      )}
    </>
  );
}

function PenIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true">
      <path
        d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
