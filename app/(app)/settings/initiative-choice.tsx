"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useTRPC } from "@/app/_trpc/client";

/**
 * Hides the "who reaches out" score for a person whom counting who texted first keeps
 * circling. Saved as soon as it is ticked; the score shows until the person chooses.
 */
export function InitiativeChoice({ hidden }: { hidden: boolean }) {
  const hydrated = useHydrated();
  const trpc = useTRPC();
  const router = useRouter();
  const [on, setOn] = useState(hidden);
  const [formError, setFormError] = useState<string>();
  const save = useMutation(
    trpc.account.setHideInitiative.mutationOptions({
      onSuccess(saved) {
        setOn(saved.hideInitiative);
        router.refresh();
      },
      onError(error, asked) {
        setOn(!asked.hideInitiative);
        setFormError(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message);
      },
    }),
  );

  return (
    <section
      aria-labelledby="who-reaches-out"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="who-reaches-out" className="text-xl font-bold">
        Who reaches out
      </h2>
      <FormError message={formError} />
      <CheckboxField
        label="Hide who reaches out"
        description="If keeping score of who texted first keeps you checking and waiting, hide it. Home stops showing the share and the weekly chart; your contact log stays as it is. You can show it again any time."
        checked={on}
        disabled={!hydrated || save.isPending}
        aria-busy={save.isPending || undefined}
        onChange={(e) => {
          setFormError(undefined);
          setOn(e.target.checked);
          save.mutate({ hideInitiative: e.target.checked });
        }}
      />
    </section>
  );
}
