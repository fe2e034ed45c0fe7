"use client";

import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { StepName } from "./discreet";
import { SelectField } from "./select-field";

/**
 * "Which step is this about?", bound to a form's stepNumber field: none, or one of the
 * plan's steps (by number alone in discreet mode). Nothing shows without steps to offer.
 */
export function StepSelectField<T extends FieldValues>({
  control,
  name,
  label,
  steps,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  steps: readonly { number: number; title: string }[];
}) {
  if (steps.length === 0) return null;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          label={label}
          name={field.name}
          ref={field.ref}
          value={field.value ?? ""}
          onBlur={field.onBlur}
          onChange={(e) => field.onChange(e.target.value === "" ? null : Number(e.target.value))}
          error={fieldState.error?.message}
        >
          <option value="">No particular step</option>
          {steps.map((step) => (
            <option key={step.number} value={step.number}>
              <StepName number={step.number} title={step.title} />
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}
