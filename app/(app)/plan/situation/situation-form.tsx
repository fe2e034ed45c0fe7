"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { Field, FormError } from "@/app/_components/field";
import { useTRPC } from "@/app/_trpc/client";
import type { ContactLevel, Pronouns } from "@/server/program";

interface Situation {
  breakupDate: string;
  contactLevel: ContactLevel;
  exName: string;
  exPronouns: Pronouns;
  version: number;
}

export function SituationForm({ initial }: { initial: Situation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.journey.updateSituation.mutationOptions({
      onSuccess(journey) {
        setValue((v) => ({ ...v, version: journey.version }));
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const fieldErrors =
    save.error instanceof TRPCClientError
      ? ((save.error.data?.fieldErrors as Record<string, string[]> | null) ?? {})
      : {};
  const today = new Date().toLocaleDateString("en-CA");

  return (
    <form
      method="post"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate(value);
      }}
    >
      <FormError
        message={
          save.error && Object.keys(fieldErrors).length === 0 ? save.error.message : undefined
        }
      />
      <Field
        label="When did you break up?"
        type="date"
        max={today}
        value={value.breakupDate}
        onChange={(e) => setValue((v) => ({ ...v, breakupDate: e.target.value }))}
        error={fieldErrors.breakupDate?.[0]}
      />
      <ChoiceGroup
        columns="grid-cols-1"
        name="contactLevel"
        legend="How much have you talked since?"
        choices={[
          { value: "none", label: "Not at all" },
          { value: "occasional", label: "Now and then" },
          { value: "regular", label: "Quite often" },
        ]}
        value={value.contactLevel}
        onChange={(contactLevel) => setValue((v) => ({ ...v, contactLevel }))}
      />
      <Field
        label="Their first name (optional)"
        autoComplete="off"
        maxLength={80}
        value={value.exName}
        onChange={(e) => setValue((v) => ({ ...v, exName: e.target.value }))}
        error={fieldErrors.exName?.[0]}
      />
      <ChoiceGroup
        name="exPronouns"
        legend="Pronouns"
        columns="grid-cols-3"
        choices={[
          { value: "she", label: "she/her" },
          { value: "he", label: "he/him" },
          { value: "they", label: "they/them" },
        ]}
        value={value.exPronouns}
        onChange={(exPronouns) => setValue((v) => ({ ...v, exPronouns }))}
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
