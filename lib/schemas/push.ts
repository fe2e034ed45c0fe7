import { z } from "zod";

/** Base64url as browsers give a subscription's keys, maybe padded (the service drops it). */
const key = (what: string, length: number) =>
  z
    .string({ error: `Please send the subscription's ${what}.` })
    .regex(
      new RegExp(`^[A-Za-z0-9_-]{${length}}={0,2}$`),
      `The subscription's ${what} isn't valid.`,
    );

/**
 * A push service's address, as the browser's PushSubscription names it. Checked by shape
 * only (the server posts to it, never opens it): a web address, no spaces, no U+0000.
 */
const endpoint = z
  .string({ error: "Please send the subscription's endpoint." })
  .max(2000, "That push address is too long.")
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what it refuses
  .regex(/^https?:\/\/[^\s\x00]+$/, "That push address isn't a web address.");

/** A browser's PushSubscription.toJSON(), less expirationTime (no browser sets it). */
export const subscribePushInput = z.strictObject({
  endpoint,
  keys: z.strictObject({
    /** The browser's P-256 public key: 65 bytes. */
    p256dh: key("public key", 87),
    /** The browser's auth secret: 16 bytes. */
    auth: key("auth secret", 22),
  }),
});
export type SubscribePushInput = z.input<typeof subscribePushInput>;

/** This device's subscription, by its endpoint; null when the browser has none. */
export const pushDeviceInput = z.strictObject({ endpoint: endpoint.nullable() });

export const pushStatusOutput = z.object({
  /** Whether this Rekindle can push at all (VAPID keys are set). */
  available: z.boolean(),
  /** The VAPID public key the browser subscribes with; null while push is off. */
  publicKey: z.string().nullable(),
  /** Whether the endpoint asked about is this person's, on this Rekindle. */
  subscribed: z.boolean(),
});
export type PushStatus = z.infer<typeof pushStatusOutput>;

export const pushTestOutput = z.object({
  /** sent: the push service took it; gone: it forgot this device; failed: try again later. */
  outcome: z.enum(["sent", "gone", "failed"]),
});
