"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { WAS_PAGE_STORED } from "./offline-pages";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

const RETRIES_KEY = "rekindle.offline-retries";
const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 2000;

/** Whether the service worker answered this page from its store, the network having failed. */
function askWorker(): Promise<boolean> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), 2000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(Boolean((event.data as { stored?: unknown } | null)?.stored));
    };
    worker.postMessage({ type: WAS_PAGE_STORED }, [channel.port2]);
  });
}

/**
 * The signed-in pages' connection notice, around the page's content.
 *
 * - A page the service worker answered from its store (the plan as last loaded) may be
 *   out of date, so it is read-only: every form control inside is disabled until the
 *   connection is back, and then the page reloads itself (nothing can have been typed).
 * - A page loaded live that loses its connection stays as it is: forms keep what was typed
 *   and hold saves until the connection is back, as they always have; the notice says so.
 */
export function OfflineNotice({ children }: { children: React.ReactNode }) {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  // null until the worker has answered.
  const [stored, setStored] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    void askWorker().then((answer) => {
      if (live) setStored(answer);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!stored) return;
    // Once the person is leaving (a tap on a link, the back button), a reload of this page
    // would cancel where they are going; back on it from the browser's cache, they stay.
    let leaving = false;
    const leave = () => {
      leaving = true;
    };
    const stay = () => {
      leaving = false;
    };
    const reload = () => {
      if (!leaving) window.location.reload();
    };
    window.addEventListener("beforeunload", leave);
    window.addEventListener("pageshow", stay);
    window.addEventListener("online", reload);
    // Served from the store while the phone says it is online: the connection is only just
    // back, or the server was briefly away. Try the live page again a few times on our own
    // (the count survives the reloads), then leave it to the "Try again" button. A phone
    // that has gone offline meanwhile said "online" a moment too early: no try then.
    let retry: ReturnType<typeof setTimeout> | undefined;
    if (navigator.onLine) {
      const tries = Number(sessionStorage.getItem(RETRIES_KEY) ?? 0);
      if (tries < MAX_RETRIES) {
        retry = setTimeout(() => {
          if (!navigator.onLine) return;
          sessionStorage.setItem(RETRIES_KEY, String(tries + 1));
          reload();
        }, RETRY_DELAY_MS);
      }
    }
    return () => {
      window.removeEventListener("beforeunload", leave);
      window.removeEventListener("pageshow", stay);
      window.removeEventListener("online", reload);
      clearTimeout(retry);
    };
  }, [stored]);

  // A live page resets the count, so the next outage gets its own tries.
  useEffect(() => {
    if (stored === false) sessionStorage.removeItem(RETRIES_KEY);
  }, [stored]);

  let message: React.ReactNode = null;
  if (stored) {
    message = online ? (
      <>
        We couldn't connect just now, so this is the page as it was when you last opened it. It's
        read-only until the connection is back.{" "}
        <button
          type="button"
          className="font-semibold underline underline-offset-4"
          onClick={() => window.location.reload()}
        >
          Try again
        </button>
      </>
    ) : (
      "You're offline. This is the page as it was when you last opened it, and it's read-only until you're back online."
    );
  } else if (!online) {
    message =
      "You're offline. You can keep reading; anything you save waits on this page until you're back online.";
  }

  return (
    <>
      <div
        role="status"
        className="rounded-xl bg-accent-soft px-4 py-3 text-sm font-medium empty:hidden"
      >
        {message}
      </div>
      {/* disabled on a fieldset disables every control inside; "presentation": no group. */}
      <fieldset role="presentation" disabled={stored === true} className="contents">
        {children}
      </fieldset>
    </>
  );
}
