"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";

interface MemoryItem {
  id: string;
  body: string;
  sharedAt: Date | null;
}

/** Step 4: a private list of good memories, each ticked off once it's been brought up. */
export function Memories({ owner, initial }: { owner: string; initial: MemoryItem[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string>();
  const onError = (e: unknown) => setError(mutationProblem(e).message);
  const kept = useKeptText({
    owner,
    form: "memory:new",
    value: body,
    initial: "",
    restore: setBody,
  });
  const add = useDoor((t) => t.steps.addMemory.mutate, {
    onSuccess() {
      kept.forget();
      setBody("");
      setKey(crypto.randomUUID());
      router.refresh();
    },
    onError,
  });
  const share = useDoor((t) => t.steps.setMemoryShared.mutate, {
    onSuccess: () => router.refresh(),
    onError,
  });
  const remove = useDoor((t) => t.steps.deleteMemory.mutate, {
    onSuccess: () => router.refresh(),
    onError,
  });
  const shared = initial.filter((m) => m.sharedAt).length;

  return (
    <section aria-labelledby="memories" className="flex flex-col gap-3">
      <div>
        <h2 id="memories" className="text-xl font-bold">
          Good memories
        </h2>
        <p className="text-sm text-muted">
          {initial.length === 0
            ? "Start a list of happy times you shared. Only the good ones."
            : `${initial.length} on your list, ${shared} brought up so far.`}
        </p>
      </div>
      <ul className="flex flex-col gap-2">
        {initial.map((m) => (
          <li
            key={m.id}
            className="flex items-start gap-3 rounded-xl border border-line bg-surface p-3"
          >
            <input
              type="checkbox"
              aria-label={`Brought up: ${m.body}`}
              className="mt-1 size-5 shrink-0 accent-[var(--color-accent)]"
              checked={m.sharedAt !== null}
              onChange={(e) => share.mutate({ id: m.id, shared: e.target.checked })}
            />
            <p dir="auto" className="flex-1 whitespace-pre-wrap">
              {m.body}
            </p>
            <button
              type="button"
              className="text-sm text-danger"
              aria-label={`Remove: ${m.body}`}
              onClick={() => remove.mutate({ id: m.id })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
      <form
        method="post"
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          if (!body.trim()) return setError("Please write a few words first.");
          add.mutate({ idempotencyKey: key, body });
        }}
      >
        <KeptNote kept={kept} />
        <label htmlFor="memory" className="text-sm font-semibold">
          Add a memory
        </label>
        <textarea
          dir="auto"
          id="memory"
          value={body}
          maxLength={2000}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
          className="rounded-xl border border-line bg-surface p-3 text-base"
        />
        <Button type="submit" variant="secondary" busy={add.isPending}>
          Add to my list
        </Button>
      </form>
    </section>
  );
}
