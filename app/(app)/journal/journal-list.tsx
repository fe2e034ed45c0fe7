"use client";

import { Button } from "@/app/_components/button";
import { shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { useLocale } from "@/app/_components/locale";
import { useMorePages } from "@/app/_trpc/client";
import type { JournalList as JournalPage } from "@/lib/schemas/journal";
import { JOURNAL_PAGE_SIZE } from "@/lib/schemas/plain";
import { MoodBadge } from "./mood";

/** The entries, newest first; the first page comes rendered from the server. */
export function JournalList({ initial, timeZone }: { initial: JournalPage; timeZone: string }) {
  const locale = useLocale();
  const query = useMorePages(initial, (t, cursor) =>
    t.journal.list.query({ limit: JOURNAL_PAGE_SIZE, cursor }),
  );
  const items = query.pages.flatMap((page) => page.items);

  return (
    <section aria-labelledby="entries" className="flex flex-col gap-3">
      <h2 id="entries" className="sr-only">
        Your entries
      </h2>
      <ol className="flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/journal/${item.id}`}
              className="flex gap-3 rounded-2xl border border-line bg-surface p-4 transition hover:border-accent"
            >
              <MoodBadge mood={item.mood} className="size-10 shrink-0" />
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
                  <time dateTime={item.createdAt.toISOString()} suppressHydrationWarning>
                    {shortDateTime(item.createdAt, timeZone, locale)}
                  </time>
                  {item.stepNumber ? <span>· Step {item.stepNumber}</span> : null}
                  {item.sharedWithBuddies ? (
                    <span className="rounded-full bg-accent-soft px-2 text-xs font-semibold text-accent">
                      Shared
                    </span>
                  ) : null}
                </p>
                <p dir="auto" className="line-clamp-3 break-words whitespace-pre-line">
                  {item.preview}
                  {item.truncated ? "…" : ""}
                </p>
              </div>
            </Link>
          </li>
        ))}
      </ol>
      {query.isFetchNextPageError ? (
        <FormError message="We couldn't load more entries just now. Check your connection and try again." />
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          busy={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          Load more
        </Button>
      ) : items.length > JOURNAL_PAGE_SIZE ? (
        <p className="text-center text-sm text-muted">That's every entry.</p>
      ) : null}
    </section>
  );
}
