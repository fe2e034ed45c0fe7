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
 * Settings' discretion section: discreet mode on or off, saved as soon as it is ticked,
 * and where quick-hide is explained. The whole page refreshes after a change, so the title
 * and the header's name follow at once.
 */
export function DiscreetToggle({ discreet }: { discreet: boolean }) {
  const hydrated = useHydrated();
  const trpc = useTRPC();
  const router = useRouter();
  const [on, setOn] = useState(discreet);
  const [formError, setFormError] = useState<string>();
  const save = useMutation(
    trpc.account.setDiscreet.mutationOptions({
      onSuccess(saved) {
        setOn(saved.discreet);
        router.refresh();
      },
      onError(error, asked) {
        setOn(!asked.discreet);
        setFormError(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message);
      },
    }),
  );

  return (
    <section
      aria-labelledby="discretion"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="discretion" className="text-xl font-bold">
        Discretion
      </h2>
      <FormError message={formError} />
      <CheckboxField
        label="Discreet mode"
        description="Shows a plain name, “Notes”, in the tab and at the top of each page, and leaves their name out everywhere, your buddies’ pages included. Your data download stays complete."
        checked={on}
        disabled={!hydrated || save.isPending}
        aria-busy={save.isPending || undefined}
        onChange={(e) => {
          setFormError(undefined);
          setOn(e.target.checked);
          save.mutate({ discreet: e.target.checked });
        }}
      />
      <p className="text-sm text-muted">
        <span className="font-semibold text-ink">Quick hide:</span> press Escape twice to swap any
        page for a plain shopping list. In discreet mode, the Hide button at the top does the same
        on a phone. Back won't bring the page up again.
      </p>
    </section>
  );
}
