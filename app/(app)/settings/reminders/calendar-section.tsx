"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { CopyOnceField } from "@/app/_components/copy-once-field";
import { shortDateTime } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { CalendarFeedView } from "@/lib/schemas/reminders";

/** "today, 21:14" in the middle of a sentence. */
const when = (at: Date, timeZone: string, locale: string) =>
  shortDateTime(at, timeZone, locale).replace(/^(Today|Yesterday)/, (w) => w.toLowerCase());

/**
 * The private calendar address: made here and shown once (only its hash is kept), then
 * replaced or turned off. Replacing asks first, since the old address stops working.
 */
export function CalendarSection({ feed, timeZone }: { feed: CalendarFeedView; timeZone: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);
  const create = useDoor((t) => t.reminders.createCalendar.mutate, {
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });
  const revoke = useDoor((t) => t.reminders.revokeCalendar.mutate, {
    onSuccess: () => {
      setConfirming(null);
      create.reset();
      router.refresh();
    },
  });
  const error = create.error ?? revoke.error;
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const problem = error ? (
    <FormError message={mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message} />
  ) : null;

  if (create.data) {
    const url = `${window.location.origin}/cal/${create.data.token}.ics`;
    const subscribe = url.replace(/^https?:/, "webcal:");
    return (
      <div className="flex flex-col gap-4">
        {problem}
        <p>
          Here's your calendar address. Copy it now: for your privacy we keep no copy, so it can't
          be shown again. You can always make a new one.
        </p>
        <CopyOnceField
          key={url}
          id="calendar-url"
          label="Calendar address"
          value={url}
          copyLabel="Copy address"
          copiedMessage="Address copied"
        />
        <a href={subscribe} className={buttonClass("secondary")}>
          Open in my calendar app
        </a>
        <p className="text-sm text-muted">
          In most calendar apps, look for “Add calendar”, then “From URL” or “Subscribe”. Anyone
          with this address can see these events, so keep it to yourself.
        </p>
      </div>
    );
  }

  if (!feed.active) {
    return (
      <div className="flex flex-col gap-4">
        {problem}
        <Button busy={create.isPending} onClick={() => create.mutate()}>
          Make my calendar address
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {problem}
      <p>
        Your calendar address is on
        {feed.createdAt ? `, made ${when(feed.createdAt, timeZone, locale)}` : ""}.{" "}
        {feed.lastFetchedAt
          ? `A calendar app last read it ${when(feed.lastFetchedAt, timeZone, locale)}.`
          : "No calendar app has read it yet."}
      </p>
      {confirming ? (
        <fieldset className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
          <legend className="float-left w-full font-semibold">
            {confirming === "replace" ? "Make a new address?" : "Turn off the calendar?"}
          </legend>
          <p className="text-sm">
            {confirming === "replace"
              ? "The current address stops working at once; you'll add the new one to your calendar app."
              : "The address stops working at once, and the events leave your calendar at its next refresh."}
          </p>
          <div className="flex gap-3">
            <Button
              variant={confirming === "replace" ? "primary" : "danger"}
              busy={create.isPending || revoke.isPending}
              onClick={() => (confirming === "replace" ? create.mutate() : revoke.mutate())}
              className="flex-1"
            >
              {confirming === "replace" ? "Yes, make a new one" : "Yes, turn it off"}
            </Button>
            <button
              ref={keep}
              type="button"
              onClick={() => setConfirming(null)}
              className={buttonClass("secondary", "flex-1")}
            >
              Keep it
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="flex flex-col gap-3">
          <Button variant="secondary" onClick={() => setConfirming("replace")}>
            Make a new address
          </Button>
          <Button variant="danger" onClick={() => setConfirming("revoke")}>
            Turn off the calendar
          </Button>
        </div>
      )}
    </div>
  );
}
