"use client";

import type { Control, FieldValues, Path } from "react-hook-form";
import { ChoiceField } from "@/app/_components/choice-field";
import { MOOD_LABELS } from "@/lib/schemas/plain";
import { MoodFace } from "./mood";

const moodChoices = MOOD_LABELS.map((label, i) => ({
  value: i + 1,
  label,
  icon: <MoodFace mood={i + 1} className="size-9" />,
}));

/** The five moods as faces with their words, bound to a form's mood field. */
export function MoodPicker<T extends FieldValues>({
  control,
  name,
}: {
  control: Control<T>;
  name: Path<T>;
}) {
  return (
    <ChoiceField
      control={control}
      name={name}
      legend="How are you feeling?"
      choices={moodChoices}
    />
  );
}
