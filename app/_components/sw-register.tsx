"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { PRIVATE_PAGES_CACHE } from "./offline-pages";

/** Built by app/serwist/[path]/route.ts from app/sw.ts. */
const WORKER_URL = "/serwist/sw.js";

/**
 * Installs the service worker, for the signed-in pages only: a buddy opening a link on
 * their own phone gets nothing installed. Production builds only, since in development
 * every file changes under it.
 */
export function ServiceWorkerRegister() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // updateViaCache "none": the browser asks the server for a new worker on every visit.
    navigator.serviceWorker
      .register(WORKER_URL, { scope: "/", updateViaCache: "none" })
      .catch(() => {
        // No worker (private mode, an old browser): the app works, just not offline.
      });
  }, []);
  return null;
}

/** The pages someone sees signed out: the landing page, sign-in and the rest, goodbye. */
const SIGNED_OUT_PAGE = /^\/(?:(?:sign-in|sign-up|forgot|reset|welcome|goodbye)(?:\/.*)?)?$/;

/**
 * Deletes the stored copy of the plan. Called straight on the page's own CacheStorage,
 * which the worker shares, so it works whether or not a worker is running.
 */
export async function forgetPrivatePages(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(PRIVATE_PAGES_CACHE).catch(() => false);
}

/**
 * On every page a signed-out person sees (sign-out lands on /sign-in, deleting the
 * account on /goodbye), forgets the plan the worker kept for offline reading: phones are
 * shared, and a signed-out phone must not show the last person's plan offline.
 */
export function ForgetPrivatePages() {
  // Typed nullable because pages/ exists; under the App Router it never is.
  const path = usePathname() ?? "";
  useEffect(() => {
    if (SIGNED_OUT_PAGE.test(path)) void forgetPrivatePages();
  }, [path]);
  return null;
}
