"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useDoor } from "@/app/_trpc/client";
import type { WeekStartChoice as Choice, WeekStartsOn } from "@/lib/stats/locale";

// Day names in the choice's own words; 2026-01-04 was a Sunday, so day n is 4 + n.
const dayName = (n: WeekStartsOn) =>
  new Intl.DateTimeFormat("en", { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, 0, 4 + n)),
  );

/**
 * Settings' "week starts on": automatic from the browser's language, or a fixed day. Saved
 * as soon as it is chosen; the page refreshes so the calendar and weekly charts follow.
 */
export function WeekStartChoice({
  weekStart,
  fromLanguage,
}: {
  weekStart: Choice;
  /** The first day the language would choose, to say what "automatic" means here. */
  fromLanguage: WeekStartsOn;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [chosen, setChosen] = useState(weekStart);
  const [formError, setFormError] = useState<string>();
  const save = useDoor((t) => t.account.setWeekStart.mutate, {
    onSuccess(saved) {
      setChosen(saved.weekStart);
      router.refresh();
    },
    onError(error) {
      setChosen(weekStart);
      setFormError(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message);
    },
  });

  return (
    <section
      aria-labelledby="week-start"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="week-start" className="text-xl font-bold">
        Your week
      </h2>
      <FormError message={formError} />
      <fieldset disabled={!hydrated || save.isPending} aria-busy={save.isPending || undefined}>
        <ChoiceGroup<Choice>
          legend="Week starts on"
          hint="Used by the activity calendar, the week-by-week chart and this week's count on your buddies' page."
          name="weekStart"
          columns="grid-cols-1"
          value={chosen}
          choices={[
            {
              value: "auto",
              label: "Automatic",
              description: `From your browser's language: ${dayName(fromLanguage)}`,
            },
            { value: "monday", label: "Monday", description: "As in most of Europe" },
            { value: "sunday", label: "Sunday", description: "As in the US, Canada and Japan" },
            { value: "saturday", label: "Saturday", description: "As in much of the Middle East" },
          ]}
          onChange={(value) => {
            setFormError(undefined);
            setChosen(value);
            save.mutate({ weekStart: value });
          }}
        />
      </fieldset>
    </section>
  );
}
