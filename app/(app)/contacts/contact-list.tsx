"use client";

import { Button } from "@/app/_components/button";
import { dayHeading, dayKey } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { useLocale } from "@/app/_components/locale";
import { timeOfDay } from "@/app/_components/moments";
import { useMorePages } from "@/app/_trpc/client";
import type { ContactList as ContactPage, ContactView } from "@/lib/schemas/contacts";
import { CHANNEL_LABELS, CONTACTS_PAGE_SIZE, FEELING_LABELS } from "@/lib/schemas/plain";
import { ChannelIcon, FeelingIcon, whoReachedOut } from "./icons";

/** Contacts grouped by the day they happened in the person's zone, the latest first. */
export function ContactList({ initial, timeZone }: { initial: ContactPage; timeZone: string }) {
  const locale = useLocale();
  const query = useMorePages(initial, (t, cursor) =>
    t.contacts.list.query({ limit: CONTACTS_PAGE_SIZE, cursor }),
  );
  const days: { key: string; items: ContactView[] }[] = [];
  for (const item of query.pages.flatMap((page) => page.items)) {
    const key = dayKey(item.occurredAt, timeZone);
    const last = days.at(-1);
    if (last?.key === key) last.items.push(item);
    else days.push({ key, items: [item] });
  }

  return (
    <section aria-labelledby="contacts" className="flex flex-col gap-5">
      <h2 id="contacts" className="sr-only">
        Your contacts
      </h2>
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`} className="flex flex-col gap-2">
          <h3
            id={`day-${day.key}`}
            className="text-sm font-bold tracking-wide text-muted uppercase"
            suppressHydrationWarning
          >
            {dayHeading(day.items[0]?.occurredAt ?? 0, timeZone, locale)}
          </h3>
          <ol className="flex flex-col gap-2">
            {day.items.map((item) => (
              <li key={item.id}>
                <Link
                  href={`/contacts/${item.id}`}
                  className="flex gap-3 rounded-2xl border border-line bg-surface p-4 transition hover:border-accent"
                >
                  <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-accent-soft text-accent">
                    <ChannelIcon channel={item.channel} />
                  </span>
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <p className="flex items-baseline justify-between gap-2">
                      <span className="font-semibold">
                        {whoReachedOut(item.initiator, item.exName)}
                      </span>
                      <time
                        dateTime={item.occurredAt.toISOString()}
                        className="shrink-0 text-sm text-muted tabular-nums"
                      >
                        {timeOfDay(item.occurredAt, timeZone, locale)}
                      </time>
                    </p>
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
                      <span>{CHANNEL_LABELS[item.channel]}</span>
                      <span className="inline-flex items-center gap-1">
                        <FeelingIcon feeling={item.feeling} className="size-4" />
                        Felt {FEELING_LABELS[item.feeling].toLowerCase()}
                      </span>
                      {item.stepNumber ? <span>Step {item.stepNumber}</span> : null}
                    </p>
                    {item.note ? (
                      <p dir="auto" className="line-clamp-2 break-words whitespace-pre-line">
                        {item.note}
                      </p>
                    ) : null}
                  </div>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {query.isFetchNextPageError ? (
        <FormError message="We couldn't load more contacts just now. Check your connection and try again." />
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          busy={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
    </section>
  );
}
