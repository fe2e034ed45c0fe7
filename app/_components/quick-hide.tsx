"use client";

import { useEffect } from "react";

import { HIDDEN_KEY, HIDE_TO } from "./quick-hide-target";

/** Two presses of Escape this close together hide the page. */
const DOUBLE_PRESS_MS = 1000;

/**
 * Swaps the page for the plain one at once. The content goes blank first, so nothing
 * lingers while the next page loads; location.replace() takes this page's place in the
 * history, so Back does not bring it up again, and the note in sessionStorage makes every
 * earlier page of this tab give way to the plain one too (hide-guard.tsx).
 */
export function hideNow() {
  try {
    sessionStorage.setItem(HIDDEN_KEY, "1");
  } catch {
    // Storage refused (a private window's quota): hiding this page still goes ahead.
  }
  document.title = "";
  document.documentElement.style.visibility = "hidden";
  window.location.replace(HIDE_TO);
}

/**
 * Quick-hide for every signed-in page, in discreet mode or not: Escape twice within a
 * second. Listens in the capture phase, so a dialog that swallows Escape still counts it.
 */
export function QuickHide() {
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.repeat) return;
      if (event.timeStamp - last <= DOUBLE_PRESS_MS) hideNow();
      else last = event.timeStamp;
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
  return null;
}

/** The same, for a phone without a keyboard: shown at the top in discreet mode. */
export function HideButton() {
  return (
    <button
      type="button"
      onClick={hideNow}
      className="rounded-lg px-3 py-2 text-sm font-semibold text-muted hover:text-ink"
    >
      Hide
    </button>
  );
}
