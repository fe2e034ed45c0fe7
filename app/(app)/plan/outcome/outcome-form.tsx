"use client";

import { useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { Link } from "@/app/_components/link";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { Outcome } from "@/lib/program";

export function OutcomeForm({
  owner,
  version,
  options,
}: {
  /** The signed-in person's id: what they type is kept on the device under it. */
  owner: string;
  version: number;
  options: { value: Outcome; title: string; message: string }[];
}) {
  const [choice, setChoice] = useState<Outcome>();
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  // No refresh after saving: an ended journey would send this page away before the kind
  // message below is read. The next page visited renders fresh anyway.
  const kept = useKeptText({
    owner,
    form: "outcome",
    value: { choice: choice ?? null, note },
    initial: { choice: null, note: "" },
    restore: (v) => {
      setChoice(v.choice ?? undefined);
      setNote(v.note);
    },
  });
  const save = useDoor((t) => t.journey.recordOutcome.mutate, { onSuccess: () => kept.forget() });

  if (save.data) {
    const chosen = options.find((o) => o.value === save.data.outcome);
    return (
      <section
        role="status"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 className="text-2xl font-bold">{chosen?.title}</h2>
        <p>{chosen?.message}</p>
        {save.data.status === "ended" ? (
          <Link href="/onboarding" className={buttonClass("secondary")}>
            Start a new journey
          </Link>
        ) : null}
        <Link href="/home" className={buttonClass("primary")}>
          Back to home
        </Link>
      </section>
    );
  }

  return (
    <form
      method="post"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return setMissing(true);
        save.mutate({ outcome: choice, note: note || undefined, version });
      }}
    >
      <KeptNote kept={kept} />
      <ChoiceGroup
        columns="grid-cols-1"
        name="outcome"
        legend="Right now, you are…"
        choices={options.map((o) => ({ value: o.value, label: o.title }))}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setMissing(false);
        }}
        error={missing ? "Please pick where things stand." : undefined}
      />
      <label htmlFor="outcome-note" className="-mb-3 text-sm font-semibold">
        A note for yourself (optional)
      </label>
      <textarea
        id="outcome-note"
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        rows={3}
        className="rounded-xl border border-line bg-surface p-3 text-base"
      />
      <FormError message={save.error ? mutationProblem(save.error).message : undefined} />
      <Button type="submit" busy={save.isPending}>
        Save
      </Button>
    </form>
  );
}
