import "#server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { pushSubscriptions } from "@/db/schema";
import type { PushStatus, pushDeviceInput, subscribePushInput } from "@/lib/schemas/push";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { vapidKeys } from "@/server/push/keys";
import { testPush } from "@/server/push/messages";
import { type Pusher, type PushOutcome, pushToSubscriptions, webPusher } from "@/server/push/send";
import { type Actor, notFound } from "./common";

type SubscribeInput = z.output<typeof subscribePushInput>;
type DeviceInput = z.output<typeof pushDeviceInput>;

const PUSH_OFF = "Notifications aren't set up here yet.";

function ownSubscription(actor: Actor, endpoint: string) {
  return and(eq(pushSubscriptions.userId, actor.userId), eq(pushSubscriptions.endpoint, endpoint));
}

/** Whether push works here, the key to subscribe with, and whether this device is on. */
export async function status(db: Db, actor: Actor, input: DeviceInput): Promise<PushStatus> {
  const keys = vapidKeys();
  let subscribed = false;
  if (keys && input.endpoint) {
    const [row] = await db
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(ownSubscription(actor, input.endpoint));
    subscribed = row !== undefined;
  }
  return { available: keys !== null, publicKey: keys?.publicKey ?? null, subscribed };
}

/**
 * Keeps this device's subscription, tied to the session it was made in, so signing the
 * device out ends it. One browser has one endpoint: when someone else signs in on it and
 * turns notifications on, the subscription becomes theirs.
 */
export async function subscribe(
  db: Db,
  actor: Actor,
  sessionIdHash: string,
  input: SubscribeInput,
  now = new Date(),
): Promise<{ subscribed: boolean }> {
  if (!vapidKeys()) throw new AppError("CONFLICT", PUSH_OFF);
  // Rekindle posts to this address: in production only to a real push service over TLS.
  if (env().NODE_ENV === "production" && !input.endpoint.startsWith("https://")) {
    throw new AppError("BAD_REQUEST", "That push address isn't a secure one.", "endpoint");
  }
  const device = {
    userId: actor.userId,
    sessionIdHash,
    p256dh: input.keys.p256dh.replace(/=+$/, ""),
    auth: input.keys.auth.replace(/=+$/, ""),
    createdAt: now,
    lastSuccessAt: null,
  };
  await db
    .insert(pushSubscriptions)
    .values({ ...device, endpoint: input.endpoint })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: device });
  return { subscribed: true };
}

/** Forgets this device's subscription, if it is this person's. */
export async function unsubscribe(
  db: Db,
  actor: Actor,
  input: DeviceInput,
): Promise<{ subscribed: boolean }> {
  if (input.endpoint) {
    await db.delete(pushSubscriptions).where(ownSubscription(actor, input.endpoint));
  }
  return { subscribed: false };
}

/** Pushes a test to this device now, so the person sees how a reminder arrives. */
export async function sendTest(
  db: Db,
  actor: Actor,
  input: DeviceInput,
  now = new Date(),
  pusher?: Pusher,
): Promise<{ outcome: PushOutcome }> {
  const keys = vapidKeys();
  if (!keys) throw new AppError("CONFLICT", PUSH_OFF);
  const rows = input.endpoint
    ? await db
        .select({
          id: pushSubscriptions.id,
          endpoint: pushSubscriptions.endpoint,
          p256dh: pushSubscriptions.p256dh,
          auth: pushSubscriptions.auth,
        })
        .from(pushSubscriptions)
        .where(ownSubscription(actor, input.endpoint))
    : [];
  if (rows.length === 0) throw notFound("device's notifications");
  const tally = await pushToSubscriptions(
    db,
    rows,
    testPush(actor.discreet ?? false),
    pusher ?? webPusher(keys),
    now,
  );
  return { outcome: tally.sent > 0 ? "sent" : tally.gone > 0 ? "gone" : "failed" };
}
