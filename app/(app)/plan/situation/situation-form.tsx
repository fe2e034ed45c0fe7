"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { isServerAnswer } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import { SituationFields } from "@/app/(app)/onboarding/situation-fields";
import type { ContactLevel, Pronouns } from "@/lib/program";

interface Situation {
  breakupDate: string;
  contactLevel: ContactLevel;
  exName: string;
  exPronouns: Pronouns;
  version: number;
}

/** `nameHidden`: discreet mode, where the name is neither shown nor sent (and so kept). */
export function SituationForm({
  initial,
  nameHidden = false,
}: {
  initial: Situation;
  nameHidden?: boolean;
}) {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useDoor((t) => t.journey.updateSituation.mutate, {
    onSuccess(journey) {
      setValue((v) => ({ ...v, version: journey.version }));
      setSaved(true);
      router.refresh();
    },
  });
  const fieldErrors = isServerAnswer(save.error)
    ? ((save.error.data?.fieldErrors as Record<string, string[]> | null) ?? {})
    : {};

  return (
    <form
      method="post"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate(nameHidden ? { ...value, exName: undefined } : value);
      }}
    >
      <FormError
        message={
          save.error && Object.keys(fieldErrors).length === 0 ? save.error.message : undefined
        }
      />
      <SituationFields
        value={value}
        onChange={(patch) => setValue((v) => ({ ...v, ...patch }))}
        nameHidden={nameHidden}
        errors={{ breakupDate: fieldErrors.breakupDate?.[0], exName: fieldErrors.exName?.[0] }}
      />
      <Button type="submit" busy={save.isPending}>
        Save
      </Button>
      <p role="status" className="text-center text-sm text-ok">
        {saved ? "Saved." : ""}
      </p>
    </form>
  );
}
