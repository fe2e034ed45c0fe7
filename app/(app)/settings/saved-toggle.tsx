"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { type Api, useDoor } from "@/app/_trpc/client";

/**
 * A Settings section with one on/off choice, saved as soon as it is ticked. If saving
 * fails, the box goes back and the section says why; after a save the page refreshes, so
 * everything that reads the choice follows at once.
 */
export function SavedToggle<TSaved, TInput>({
  id,
  title,
  label,
  description,
  initial,
  mutation,
  toInput,
  fromSaved,
  children,
}: {
  id: string;
  title: string;
  label: string;
  description: string;
  initial: boolean;
  /** The procedure, e.g. `(t) => t.account.setDiscreet.mutate`. */
  mutation: (api: Api) => (input: TInput) => Promise<TSaved>;
  toInput: (on: boolean) => TInput;
  fromSaved: (saved: TSaved) => boolean;
  children?: React.ReactNode;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [on, setOn] = useState(initial);
  const asked = useRef(initial);
  const [formError, setFormError] = useState<string>();
  const save = useDoor(mutation, {
    onSuccess(saved) {
      setOn(fromSaved(saved));
      router.refresh();
    },
    onError(error) {
      setOn(!asked.current);
      setFormError(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message);
    },
  });

  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      <FormError message={formError} />
      <CheckboxField
        label={label}
        description={description}
        checked={on}
        disabled={!hydrated || save.isPending}
        aria-busy={save.isPending || undefined}
        onChange={(e) => {
          setFormError(undefined);
          asked.current = e.target.checked;
          setOn(e.target.checked);
          save.mutate(toInput(e.target.checked));
        }}
      />
      {children}
    </section>
  );
}
