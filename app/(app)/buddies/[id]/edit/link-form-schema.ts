import { z } from "zod";
import { updateBuddyLinkInput } from "@/lib/schemas/buddies";
import { isDay, localDay } from "@/lib/stats/days";
import { ENDS } from "./link-form-values";

/**
 * The form's own shape: the end is a choice plus a date, turned into `expiry` on save.
 * Imported only on first use (lazyResolver): it brings zod, which no page loads up front.
 */
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
