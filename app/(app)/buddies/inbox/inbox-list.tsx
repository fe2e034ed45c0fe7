"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { Button } from "@/app/_components/button";
import { shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useTRPC } from "@/app/_trpc/client";
import type { inboxItemOutput } from "@/lib/schemas/buddies";

type Item = z.infer<typeof inboxItemOutput>;

export function InboxList({ items, timeZone }: { items: Item[]; timeZone: string }) {
  if (items.length === 0) {
    return (
      <p className="rounded-2xl border border-line bg-surface p-5 text-muted">
        Nothing here yet. When a buddy sends you a kind word or a nudge, it lands here.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3">
      {items.map((item) => (
        <InboxItem key={item.id} item={item} timeZone={timeZone} />
      ))}
    </ul>
  );
}

function InboxItem({ item, timeZone }: { item: Item; timeZone: string }) {
  const trpc = useTRPC();
  const locale = useLocale();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const markRead = useMutation(trpc.buddies.markRead.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.buddies.deleteMessage.mutationOptions({ onSuccess }));
  const error = markRead.error ?? remove.error;
  const from = item.name ? `${item.name} (${item.linkLabel})` : item.linkLabel;
  return (
    <li
      className={`flex flex-col gap-3 rounded-2xl border p-4 ${item.readAt ? "border-line bg-surface" : "border-accent bg-accent-soft"}`}
    >
      <p className="text-sm text-muted [overflow-wrap:anywhere]">
        {item.readAt ? "" : "New · "}
        {shortDateTime(item.createdAt, timeZone, locale)} · from {from}
      </p>
      {item.kind === "nudge" ? (
        <p className="font-semibold">A nudge: they're thinking of you.</p>
      ) : (
        <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{item.message}</p>
      )}
      <FormError
        message={error ? mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message : undefined}
      />
      <div className="flex gap-3">
        {item.readAt ? null : (
          <Button
            variant="secondary"
            busy={markRead.isPending}
            onClick={() => markRead.mutate({ id: item.id })}
          >
            Mark read
          </Button>
        )}
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
