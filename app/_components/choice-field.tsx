"use client";

import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { ChoiceGroup, type ChoiceGroupProps } from "./choice-group";

type Bound = "name" | "value" | "onChange" | "onBlur" | "inputRef" | "error";

/**
 * A ChoiceGroup bound to a react-hook-form field: its value, its error and the focus an
 * error moves to, so a form names only the legend and the choices.
 */
export function ChoiceField<T extends FieldValues, V extends string | number>({
  control,
  name,
  ...group
}: { control: Control<T>; name: Path<T> } & Omit<ChoiceGroupProps<V>, Bound>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <ChoiceGroup
          {...group}
          name={field.name}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
