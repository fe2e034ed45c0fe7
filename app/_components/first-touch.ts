"use client";

import { useEffect } from "react";

const TOUCH = ["pointerdown", "keydown", "focusin"] as const;

/**
 * Runs `start` at the person's first pointer, key or focus on the page: for code a page
 * needs only once someone acts on it. Fetched during load instead, it was most of
 * Lighthouse's blocking time on a phone; a page only read never fetches it.
 */
export function useOnFirstTouch(start: () => void) {
  useEffect(() => {
    const once = () => {
      for (const e of TOUCH) document.removeEventListener(e, once, true);
      start();
    };
    for (const e of TOUCH) document.addEventListener(e, once, { capture: true, passive: true });
    return () => {
      for (const e of TOUCH) document.removeEventListener(e, once, true);
    };
  }, [start]);
}
