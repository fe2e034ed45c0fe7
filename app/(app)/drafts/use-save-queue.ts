"use client";

import { useRef, useState } from "react";

/**
 * Saves go one after another, each from the version the previous one returned, so quick
 * taps on two questions never conflict with each other. `pending` counts saves not done.
 */
export function useSaveQueue(initialVersion: number) {
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    setPending((n) => n + 1);
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run.finally(() => setPending((n) => n - 1));
  }

  return { version, pending, enqueue };
}
