/**
 * What a push carries, shared by the server that sends it (server/push/) and the service
 * worker that shows it (app/sw.ts). Plain types and constants, no imports: the worker is
 * bundled on its own.
 */
export interface PushPayload {
  /** The notification's title: all a lock screen shows in discreet mode. */
  title: string;
  /** One plain line under it; empty in discreet mode. */
  body: string;
  /** The page a tap opens: a path on Rekindle's own site. */
  url: string;
  /** A newer notification with the same tag replaces the older one on the device. */
  tag: string;
}

/** Reads a push's data as a payload, or null when it is not one of Rekindle's. */
export function readPushPayload(data: unknown): PushPayload | null {
  if (typeof data !== "object" || data === null) return null;
  const { title, body, url, tag } = data as Record<string, unknown>;
  if (typeof title !== "string" || title === "") return null;
  return {
    title,
    body: typeof body === "string" ? body : "",
    // Only a path on this site: a push can never send a tap elsewhere.
    url: typeof url === "string" && /^\/(?!\/)/.test(url) ? url : "/home",
    tag: typeof tag === "string" ? tag : "rekindle",
  };
}
