"use client";

import { ChoiceGroup } from "@/app/_components/choice-group";
import { useDiscreet } from "@/app/_components/discreet";
import { Field } from "@/app/_components/field";
import type { ContactLevel, Pronouns } from "@/lib/program";

export interface SituationValue {
  breakupDate: string;
  contactLevel?: ContactLevel;
  exName: string;
  exPronouns?: Pronouns;
}

/** The situation's four questions, shared by onboarding and the page that edits them. */
export function SituationFields({
  value,
  onChange,
  errors,
  nameHidden = false,
}: {
  value: SituationValue;
  onChange: (patch: Partial<SituationValue>) => void;
  errors: Partial<Record<keyof SituationValue, string>>;
  /** Discreet mode: the name field gives way to a note, and the name stays as saved. */
  nameHidden?: boolean;
}) {
  const today = new Date().toLocaleDateString("en-CA");
  const discreet = useDiscreet();
  return (
    <>
      <Field
        label={discreet ? "The date you count from" : "When did you break up?"}
        type="date"
        max={today}
        value={value.breakupDate}
        onChange={(e) => onChange({ breakupDate: e.target.value })}
        error={errors.breakupDate}
      />
      <ChoiceGroup
        columns="grid-cols-1"
        name="contactLevel"
        legend="How much have you talked since?"
        choices={[
          { value: "none", label: "Not at all", description: "No messages, no calls." },
          { value: "occasional", label: "Now and then", description: "A message here and there." },
          { value: "regular", label: "Quite often", description: "We're in touch regularly." },
        ]}
        value={value.contactLevel}
        onChange={(contactLevel) => onChange({ contactLevel })}
        error={errors.contactLevel}
      />
      {nameHidden ? (
        <p className="text-sm text-muted">
          Their name is hidden while discreet mode is on, and stays as you saved it. Turn discreet
          mode off in Settings to see or change it.
        </p>
      ) : (
        <Field
          label="Their first name (optional)"
          hint="Used only on your own screens, to make the advice feel like yours."
          autoComplete="off"
          maxLength={80}
          value={value.exName}
          onChange={(e) => onChange({ exName: e.target.value })}
          error={errors.exName}
        />
      )}
      <ChoiceGroup
        name="exPronouns"
        legend="Which pronouns should we use for them?"
        columns="grid-cols-3"
        choices={[
          { value: "she", label: "she/her" },
          { value: "he", label: "he/him" },
          { value: "they", label: "they/them" },
        ]}
        value={value.exPronouns}
        onChange={(exPronouns) => onChange({ exPronouns })}
        error={errors.exPronouns}
      />
    </>
  );
}
