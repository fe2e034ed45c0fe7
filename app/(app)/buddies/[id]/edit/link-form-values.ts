import type { z } from "zod";
import type { BuddyExpiry, BuddyLinkView } from "@/lib/schemas/buddies";
import type { Day } from "@/lib/stats/days";
import type { formSchema } from "./link-form-schema";

export const ENDS = ["keep", "7", "30", "90", "none", "date"] as const;
export type Ends = (typeof ENDS)[number];

/** The form's fields as typed, and as checked by formSchema. */
export type FormInput = z.input<ReturnType<typeof formSchema>>;
export type FormOutput = z.output<ReturnType<typeof formSchema>>;

export function valuesOf(link: BuddyLinkView, lastDay: Day | null): FormInput {
  return {
    label: link.label,
    scope: link.scope,
    showExName: link.showExName,
    // An ended link has no end worth keeping: offer the same 30 days a new link starts with.
    ends: lastDay ? "keep" : link.status === "expired" ? "30" : "none",
    date: lastDay ?? "",
  };
}

export function expiryOf(values: FormOutput, lastDay: Day | null): BuddyExpiry {
  if (values.ends === "keep") return lastDay ? { date: lastDay } : "none";
  if (values.ends === "date") return { date: values.date };
  return values.ends;
}
