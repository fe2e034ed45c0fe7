import { z } from "zod";
import { type BuddyExpiry, type BuddyLinkView, updateBuddyLinkInput } from "@/lib/schemas/buddies";
import { type Day, isDay, localDay } from "@/lib/stats/days";

export const ENDS = ["keep", "7", "30", "90", "none", "date"] as const;
export type Ends = (typeof ENDS)[number];

/** The form's own shape: the end is a choice plus a date, turned into `expiry` on save. */
export function formSchema(timeZone: string) {
  return z
    .object({
      label: updateBuddyLinkInput.shape.label,
      scope: updateBuddyLinkInput.shape.scope,
      showExName: z.boolean(),
      ends: z.enum(ENDS, "Please choose when the link stops working."),
      date: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.ends !== "date") return;
      if (!isDay(v.date)) {
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "Please choose the last day it works.",
        });
      } else if (v.date < localDay(Date.now(), timeZone)) {
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "Please choose a date from today onwards.",
        });
      }
    });
}
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
