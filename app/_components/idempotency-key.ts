import { useCallback, useRef } from "react";

/**
 * A random UUID (v4) for a create's idempotency key. crypto.randomUUID exists only on
 * secure origins; a phone testing a dev server over plain http on the LAN has only
 * getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The key for a create: the same while the values stay the same (a double tap, a retry
 * after a lost connection), new once they change, so an edited retry after a save that did
 * go through makes a second entry instead of silently answering with the first.
 */
export function useIdempotencyKey(): (values: unknown) => string {
  const last = useRef<{ key: string; snapshot: string } | null>(null);
  return useCallback((values: unknown) => {
    const snapshot = JSON.stringify(values);
    if (last.current?.snapshot !== snapshot) {
      last.current = { key: newIdempotencyKey(), snapshot };
    }
    return last.current.key;
  }, []);
}
