import { z } from "zod";
import { email } from "./account";
import { freeText, maxChars } from "./common";
import { BUDDY_THANKS_MAX } from "./plain";

export { BUDDY_THANKS_MAX };

const THANKS_TOO_LONG = `Please keep it to ${BUDDY_THANKS_MAX} characters or fewer.`;

/** The owner's thank-you, counted as the form counts it and as the database holds it. */
export const thanksText = freeText({ error: "Please write a few words." })
  .trim()
  .min(1, "Please write a few words.")
  .refine(...maxChars(BUDDY_THANKS_MAX, THANKS_TOO_LONG))
  // The column's CHECK counts code points: an emoji the form counts once may be several.
  .refine((v) => [...v].length <= BUDDY_THANKS_MAX, THANKS_TOO_LONG);

/** What a buddy gives on the page to hear how the owner is doing. */
export const buddySubscribeInput = z.strictObject({ email });

/** Whether a link's buddy hears by e-mail: no address, waiting for the confirming link, or on. */
export const BUDDY_UPDATES = ["off", "pending", "on"] as const;
export type BuddyUpdates = (typeof BUDDY_UPDATES)[number];

/** What the owner sees of a buddy's subscription: never the address. */
export const buddyUpdatesOutput = z.array(
  z.object({ linkId: z.string(), updates: z.enum(BUDDY_UPDATES), since: z.date() }),
);
export type BuddyUpdatesList = z.infer<typeof buddyUpdatesOutput>;

export const stopBuddyUpdatesInput = z.strictObject({ id: z.uuid("We couldn't find that link.") });

export const thankInput = z.strictObject({
  id: z.uuid("We couldn't find that message."),
  thanks: thanksText,
});
export type ThankInput = z.input<typeof thankInput>;

export const thankedOutput = z.object({ id: z.string(), thanks: z.string(), thankedAt: z.date() });

/** The thank-yous the owner sent back through one link: what its buddy page shows. */
export const buddyThanksOutput = z.array(
  z.strictObject({ thanks: z.string(), day: z.string(), noteDay: z.string() }),
);
export type BuddyThanks = z.infer<typeof buddyThanksOutput>;

/** The owner's thank-yous by message, for the inbox. */
export const thanksByMessageOutput = z.array(
  z.object({ id: z.string(), thanks: z.string(), thankedAt: z.date() }),
);
