"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { Button } from "@/app/_components/button";
import { shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { inboxItemOutput } from "@/lib/schemas/buddies";
import { ThankForm } from "./thank-form";

type Item = z.infer<typeof inboxItemOutput>;

export function InboxList({
  items,
  timeZone,
  thanks = {},
}: {
  items: Item[];
  timeZone: string;
  /** The owner's thank-you to each note that has one, by its id. */
  thanks?: Record<string, string>;
}) {
  const router = useRouter();
  // Opening the inbox is reading it: what was new when it opened stays marked "New" here,
  // while Home's card and the tab's dot clear at once.
  const [arrivedNew] = useState(() => items.filter((i) => !i.readAt).map((i) => i.id));
  const seen = useDoor((t) => t.buddies.markAllRead.mutate, { onSuccess: () => router.refresh() });
  const { mutate } = seen;
  useEffect(() => {
    if (arrivedNew.length > 0) mutate({ ids: arrivedNew });
  }, [arrivedNew, mutate]);

  if (items.length === 0) {
    return (
      <p className="rounded-2xl border border-line bg-surface p-5 text-muted">
        Nothing here yet. When a buddy sends you a kind word or a nudge, it lands here.
      </p>
    );
  }
  return (
    <>
      <FormError
        message={
          seen.error ? mutationProblem(seen.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <InboxItem
            key={item.id}
            item={item}
            isNew={arrivedNew.includes(item.id)}
            timeZone={timeZone}
            thanks={thanks[item.id] ?? null}
          />
        ))}
      </ul>
    </>
  );
}

function InboxItem({
  item,
  isNew,
  timeZone,
  thanks,
}: {
  item: Item;
  isNew: boolean;
  timeZone: string;
  thanks: string | null;
}) {
  const locale = useLocale();
  const router = useRouter();
  const remove = useDoor((t) => t.buddies.deleteMessage.mutate, {
    onSuccess: () => router.refresh(),
  });
  const from = item.name ? `${item.name} (${item.linkLabel})` : item.linkLabel;
  return (
    <li
      className={`flex flex-col gap-3 rounded-2xl border p-4 ${isNew ? "border-accent bg-accent-soft" : "border-line bg-surface"}`}
    >
      <p className="text-sm text-muted [overflow-wrap:anywhere]">
        {isNew ? "New · " : ""}
        {shortDateTime(item.createdAt, timeZone, locale)} · from <bdi>{from}</bdi>
      </p>
      {item.kind === "nudge" ? (
        <p className="font-semibold">A nudge: they're thinking of you.</p>
      ) : (
        <p dir="auto" className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          {item.message}
        </p>
      )}
      {item.kind === "encouragement" ? <ThankForm id={item.id} sent={thanks} /> : null}
      <FormError
        message={
          remove.error
            ? mutationProblem(remove.error, UNREACHABLE_NOTHING_CHANGED).message
            : undefined
        }
      />
      <div className="flex gap-3">
        <Button
          variant="quiet"
          busy={remove.isPending}
          onClick={() => remove.mutate({ id: item.id })}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
