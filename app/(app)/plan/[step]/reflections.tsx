"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/app/_components/button";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { ReflectionView } from "@/lib/schemas/steps";
import { textLength } from "@/lib/schemas/text";
import { formatCount } from "@/lib/stats/format";

const LIMIT = 20_000;

/**
 * The question to offer next: the first one after `after` (wrapping round) not answered yet,
 * or `after` itself once all are answered.
 */
function nextPrompt(prompts: { key: string }[], answered: Set<string>, after?: string): string {
  const start = after ? prompts.findIndex((p) => p.key === after) + 1 : 0;
  for (let i = 0; i < prompts.length; i += 1) {
    const prompt = prompts[(start + i) % prompts.length];
    if (prompt && !answered.has(prompt.key)) return prompt.key;
  }
  return after ?? prompts[0]?.key ?? "";
}

export function Reflections({
  owner,
  stepNumber,
  prompts,
  initial,
  titleHidden = false,
}: {
  /** The signed-in person's id: what they type is kept on the device under it. */
  owner: string;
  stepNumber: number;
  prompts: { key: string; prompt: string }[];
  initial: ReflectionView[];
  /** Inside a fold whose summary already says "Reflect": the title is for screen readers. */
  titleHidden?: boolean;
}) {
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const answered = new Set(initial.map((r) => r.promptKey));
  const [promptKey, setPromptKey] = useState(() => nextPrompt(prompts, answered));
  const [body, setBody] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string>();
  const kept = useKeptText({
    owner,
    form: `reflection:${stepNumber}`,
    value: body,
    initial: "",
    restore: setBody,
  });
  const add = useDoor((t) => t.steps.addReflection.mutate, {
    onSuccess() {
      kept.forget();
      setBody("");
      setKey(crypto.randomUUID());
      // The question just answered moves aside for the next one not answered yet.
      setPromptKey(nextPrompt(prompts, new Set([...answered, promptKey]), promptKey));
      router.refresh();
    },
    // The text stays in the box whatever went wrong.
    onError: (e) => setError(mutationProblem(e).message),
  });
  const length = textLength(body);
  const promptOf = (k: string) => prompts.find((p) => p.key === k)?.prompt ?? "";

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h2 id={`${id}-title`} className={titleHidden ? "sr-only" : "text-xl font-bold"}>
        Reflect
      </h2>
      {initial.map((r) => (
        <SavedReflection key={r.id} owner={owner} reflection={r} prompt={promptOf(r.promptKey)} />
      ))}
      <form
        method="post"
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          if (!body.trim()) return setError("Please write a few words first.");
          if (textLength(body) > LIMIT)
            return setError("Please keep a reflection under 20,000 characters.");
          add.mutate({ idempotencyKey: key, stepNumber, promptKey, body });
        }}
      >
        <KeptNote kept={kept} />
        {/* Radios, not a select: a phone's select cuts a long question off mid-sentence. */}
        <ChoiceGroup
          legend="Question"
          name={`${id}-prompt`}
          columns="grid-cols-1"
          choices={prompts.map((p) => ({
            value: p.key,
            label: p.prompt,
            description: answered.has(p.key) ? "Answered: you can add more." : "Not answered yet",
          }))}
          value={promptKey}
          onChange={setPromptKey}
        />
        <label htmlFor={`${id}-body`} className="text-sm font-semibold">
          Your answer
        </label>
        <textarea
          id={`${id}-body`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={5}
          dir="auto"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-count`}
          className="rounded-xl border border-line bg-surface p-3 text-base"
        />
        <p
          id={`${id}-count`}
          className={`text-xs ${length > LIMIT ? "text-danger" : "text-muted"}`}
        >
          {length > LIMIT * 0.9
            ? `${formatCount(length, locale)} of ${formatCount(LIMIT, locale)} characters`
            : "Only you can read this."}
        </p>
        <FormError message={error} />
        <Button type="submit" busy={add.isPending}>
          Save reflection
        </Button>
      </form>
    </section>
  );
}

function SavedReflection({
  owner,
  reflection,
  prompt,
}: {
  owner: string;
  reflection: ReflectionView;
  prompt: string;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(reflection.body);
  const [error, setError] = useState<string>();
  const kept = useKeptText({
    owner,
    form: `reflection:${reflection.id}`,
    value: body,
    initial: reflection.body,
    restore: (text) => {
      setBody(text);
      // An edit left halfway opens again where it was.
      setEditing(text !== reflection.body);
    },
  });
  const update = useDoor((t) => t.steps.updateReflection.mutate, {
    onSuccess() {
      kept.forget();
      setEditing(false);
      router.refresh();
    },
    onError: (e) => setError(mutationProblem(e).message),
  });
  const remove = useDoor((t) => t.steps.deleteReflection.mutate, {
    onSuccess: () => router.refresh(),
    onError: (e) => setError(mutationProblem(e).message),
  });
  return (
    <article className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4">
      <h3 className="text-sm font-semibold text-muted">{prompt}</h3>
      {editing ? (
        <>
          <KeptNote kept={kept} />
          <textarea
            aria-label="Edit your answer"
            dir="auto"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={5}
            className="rounded-xl border border-line bg-surface p-3 text-base"
          />
          <FormError message={error} />
          <div className="flex gap-2">
            <Button
              busy={update.isPending}
              onClick={() =>
                update.mutate({ id: reflection.id, version: reflection.version, body })
              }
              className="flex-1"
            >
              Save
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                // Cancelling is choosing to let the changes go.
                kept.discard();
                setEditing(false);
              }}
              className="flex-1"
            >
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <>
          <p dir="auto" className="whitespace-pre-wrap">
            {reflection.body}
          </p>
          <FormError message={error} />
          <div className="flex gap-4">
            <button
              type="button"
              className="text-sm font-semibold text-accent"
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="text-sm font-semibold text-danger"
              onClick={() => {
                if (window.confirm("Delete this reflection? This can't be undone.")) {
                  remove.mutate({ id: reflection.id });
                }
              }}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </article>
  );
}
