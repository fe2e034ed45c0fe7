"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { StepName } from "@/app/_components/discreet";
import { useLocale } from "@/app/_components/locale";
import { dateTime } from "@/app/_components/moments";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { JournalEntryView, JournalFormContext } from "@/lib/schemas/journal";
import { moodLabel } from "@/lib/schemas/plain";
import { EntryForm } from "../entry-form";
import { MoodFace } from "../mood";

/** One entry: read it, edit it in place, or delete it after a second tap. */
export function EntryDetail({
  owner,
  entry: initial,
  steps,
  timeZone,
}: {
  owner: string;
  entry: JournalEntryView;
  steps: JournalFormContext["steps"];
  timeZone: string;
}) {
  const locale = useLocale();
  const router = useRouter();
  const [entry, setEntry] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();

  const remove = useDoor((t) => t.journal.delete.mutate, {
    onSettled(_data, error) {
      // Already deleted (on another device, or by the first of two taps) is deleted.
      if (error && mutationProblem(error).code !== "NOT_FOUND") return;
      router.push("/journal");
    },
  });

  const step = entry.stepNumber ? steps.find((s) => s.number === entry.stepNumber) : undefined;
  const edited = entry.updatedAt.getTime() - entry.createdAt.getTime() > 60_000;

  if (editing) {
    return (
      <>
        <h1 className="text-3xl font-bold">Edit entry</h1>
        <EntryForm
          owner={owner}
          steps={steps}
          entry={entry}
          onSaved={(saved) => {
            setEntry(saved);
            setEditing(false);
            setNotice("Saved.");
          }}
          onCancel={() => setEditing(false)}
        />
      </>
    );
  }

  return (
    <article className="flex flex-col gap-5">
      <header className="flex items-center gap-4">
        <MoodFace mood={entry.mood} className="size-14 shrink-0" />
        <div className="flex flex-col">
          <h1 className="text-2xl font-bold">
            <span className="sr-only">Entry from </span>
            <time dateTime={entry.createdAt.toISOString()}>
              {dateTime(entry.createdAt, timeZone, locale)}
            </time>
          </h1>
          <p className="text-muted">
            Feeling {moodLabel(entry.mood).toLowerCase()}
            <span className="sr-only"> ({entry.mood} of 5)</span>
            {edited ? ` · edited ${dateTime(entry.updatedAt, timeZone, locale)}` : ""}
          </p>
        </div>
      </header>
      <div className="flex flex-wrap gap-2 text-sm">
        {entry.stepNumber ? (
          <span className="rounded-full border border-line px-3 py-1">
            {step ? (
              <StepName number={step.number} title={step.title} />
            ) : (
              `Step ${entry.stepNumber}`
            )}
          </span>
        ) : null}
        <span
          className={`rounded-full px-3 py-1 ${entry.sharedWithBuddies ? "bg-accent-soft font-semibold text-accent" : "border border-line text-muted"}`}
        >
          {entry.sharedWithBuddies ? "Shared with your buddies" : "Private"}
        </span>
      </div>
      <div
        dir="auto"
        className="rounded-2xl border border-line bg-surface p-5 text-lg leading-relaxed break-words whitespace-pre-wrap"
      >
        {entry.body}
      </div>
      <p role="status" className="text-sm text-ok">
        {notice}
      </p>
      <div className="flex flex-col gap-3">
        <Button
          onClick={() => {
            setNotice(undefined);
            setEditing(true);
          }}
        >
          Edit entry
        </Button>
        <div className="mt-4 flex flex-col border-t border-line pt-6">
          <ConfirmDelete
            what="this entry"
            busy={remove.isPending}
            error={
              remove.error
                ? mutationProblem(remove.error, UNREACHABLE_NOTHING_CHANGED).message
                : undefined
            }
            onConfirm={() => remove.mutate({ id: entry.id })}
          />
        </div>
      </div>
    </article>
  );
}
