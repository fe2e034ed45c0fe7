import "#server-only";
import { and, eq, gt } from "drizzle-orm";
import webpush from "web-push";
import type { Db } from "@/db/client";
import { pushSubscriptions, sessions } from "@/db/schema";
import type { PushPayload } from "@/lib/push";
import { SESSION_IDLE_TIMEOUT_MS } from "@/server/auth/sessions";
import { log } from "@/server/log";
import type { Tx } from "@/server/services/common";
import type { VapidKeys } from "./keys";

/** Where one browser's push service takes messages, and the keys to encrypt them for it. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** sent: the push service took it; gone: it answered 404/410 (forgotten); failed: anything else. */
export type PushOutcome = "sent" | "gone" | "failed";

/** Sends one payload to one browser. Never throws. */
export type Pusher = (target: PushTarget, payload: PushPayload) => Promise<PushOutcome>;

/** A push service holds an undelivered message this long (seconds): a day-old reminder is no use. */
const TTL_SECONDS = 12 * 60 * 60;
/** A push service that takes longer than this is given up on for this message. */
const TIMEOUT_MS = 10_000;

/**
 * Pushes through the browser's push service: web-push encrypts the payload (RFC 8291,
 * aes128gcm) and signs the VAPID header; the request itself is a plain fetch, since
 * web-push's own sender speaks only https and gives no say over redirects.
 */
export function webPusher(keys: VapidKeys): Pusher {
  return async (target, payload) => {
    try {
      const details = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: keys,
          contentEncoding: "aes128gcm",
          TTL: TTL_SECONDS,
          urgency: "normal",
          // A newer push of the same kind replaces one the device has not received yet.
          topic: payload.tag,
        },
      );
      const response = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers,
        body: details.body ? new Uint8Array(details.body) : null,
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status === 404 || response.status === 410) return "gone";
      if (response.ok) return "sent";
      log.warn({ status: response.status }, "a push service refused a push");
      return "failed";
    } catch (e) {
      // By its kind only: the message can quote the endpoint, a secret address.
      log.warn({ error: { type: (e as Error).name } }, "a push could not be sent");
      return "failed";
    }
  };
}

/** This person's subscriptions on devices still signed in. */
export function liveSubscriptions(db: Tx, userId: string, now: Date) {
  return db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .innerJoin(sessions, eq(sessions.idHash, pushSubscriptions.sessionIdHash))
    .where(
      and(
        eq(pushSubscriptions.userId, userId),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
      ),
    );
}

export interface PushTally {
  sent: number;
  gone: number;
  failed: number;
}

/**
 * Sends one payload to each given subscription: a success is noted on the row, and a
 * subscription its push service no longer knows (404/410) is deleted.
 */
export async function pushToSubscriptions(
  db: Db,
  subscriptions: (PushTarget & { id: string })[],
  payload: PushPayload,
  pusher: Pusher,
  now: Date,
): Promise<PushTally> {
  const tally: PushTally = { sent: 0, gone: 0, failed: 0 };
  for (const subscription of subscriptions) {
    const outcome = await pusher(subscription, payload);
    tally[outcome] += 1;
    if (outcome === "sent") {
      await db
        .update(pushSubscriptions)
        .set({ lastSuccessAt: now })
        .where(eq(pushSubscriptions.id, subscription.id));
    } else if (outcome === "gone") {
      await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id));
    }
  }
  return tally;
}

/** Sends one payload to every device this person turned notifications on for. */
export async function pushToUser(
  db: Db,
  userId: string,
  payload: PushPayload,
  pusher: Pusher,
  now: Date,
): Promise<PushTally> {
  const subscriptions = await liveSubscriptions(db, userId, now);
  return pushToSubscriptions(db, subscriptions, payload, pusher, now);
}
