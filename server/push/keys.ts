import "#server-only";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { type Env, env } from "@/server/env";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** mailto: or https:, for push services to reach whoever runs this Rekindle. */
  subject: string;
}

/** MAIL_FROM's address as mailto:, when VAPID_SUBJECT does not name one. */
function subjectFromMail(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return `mailto:${address.trim()}`;
}

/** Made once and kept, as the development AUTH_SECRET is: browsers stay subscribed. */
function developmentKeys(): Pick<VapidKeys, "publicKey" | "privateKey"> {
  const file = path.join(".data", "vapid-keys.json");
  mkdirSync(".data", { recursive: true });
  try {
    // "wx": when two processes start together, the first one's pair wins for both.
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, "utf8")) as VapidKeys;
  return { publicKey, privateKey };
}

/**
 * The VAPID keys for these settings, or null when push is off: production without
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY. Outside production a pair is made in .data/.
 */
export function vapidKeysFor(e: Env): VapidKeys | null {
  const subject = e.VAPID_SUBJECT ?? subjectFromMail(e.MAIL_FROM);
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
    return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject };
  }
  if (e.NODE_ENV === "production") return null;
  return { ...developmentKeys(), subject };
}

let cached: VapidKeys | null | undefined;

/** This process's VAPID keys (see vapidKeysFor), or null when push is off. */
export function vapidKeys(): VapidKeys | null {
  if (cached === undefined) cached = vapidKeysFor(env());
  return cached;
}
