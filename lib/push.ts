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

/**
 * What to show for a push's data. Something that is not one of Rekindle's payloads still
 * shows a notification (browsers insist on one per push), saying no more than discreet
 * mode does.
 */
export function readPushPayload(data: unknown): PushPayload {
  const { title, body, url, tag } = (
    typeof data === "object" && data !== null ? data : {}
  ) as Record<string, unknown>;
  return {
    title: typeof title === "string" && title !== "" ? title : "A reminder",
    body: typeof body === "string" ? body : "",
    // Only a path on this site: a push can never send a tap elsewhere.
    url: typeof url === "string" && /^\/(?![/\\])/.test(url) ? url : "/home",
    tag: typeof tag === "string" && tag !== "" ? tag : "rekindle",
  };
}
