/// <reference lib="webworker" />
/**
 * Rekindle's service worker, bundled by @serwist/turbopack (app/serwist/[path]/route.ts)
 * during `next build` and served at /serwist/sw.js with scope /.
 *
 * What it keeps, and why so little: Rekindle holds private words on phones that are often
 * shared, so only the app's own static files (the same for everyone) are precached, and of
 * the pages only the plan's (/home, /plan, /plan/1-7), network-first, so the last loaded
 * state reads offline. Nothing else is stored: no API answers, no buddy page, no calendar
 * feed, no export, no POST. The pages a signed-out person sees delete the stored plan
 * (app/_components/sw-register.tsx), so a signed-out phone shows nobody's plan.
 */
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  type PrecacheEntry,
  Serwist,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from "serwist";
import { readPushPayload } from "../lib/push";
import { PLAN_PAGE, PRIVATE_PAGES_CACHE, WAS_PAGE_STORED } from "./_components/offline-pages";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    /** The precache list, filled in by the build. */
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Shown for a page that isn't stored when there is no connection; it names nothing. */
const OFFLINE_PAGE = "/offline.html";

/** Never answered by the worker at all, so never stored, whatever the method. */
const NEVER = /^\/(?:api\/auth|api\/export|api\/calendar|b|cal)(?:\/|$)/;

/**
 * Pages answered from the store because the network failed, by the id of the window they
 * opened in: the page asks, and shows itself read-only. Kept in memory only; if the worker
 * stops in between, the page still knows from navigator.onLine.
 */
const fromStore = new Set<string>();

/** Stores only a plain, complete page: never a redirect (to sign-in), an error or a 404. */
const onlyCompletePages: SerwistPlugin = {
  cacheWillUpdate: ({ response }) =>
    response.status === 200 && response.type === "basic" && !response.redirected ? response : null,
  cachedResponseWillBeUsed: ({ event, cachedResponse }) => {
    const client = event instanceof FetchEvent ? event.resultingClientId : "";
    if (cachedResponse && client) fromStore.add(client);
    return cachedResponse;
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && PLAN_PAGE.test(url.pathname) && !url.search,
      handler: new NetworkFirst({
        cacheName: PRIVATE_PAGES_CACHE,
        // A phone on a bad line gets its stored plan rather than a blank wait.
        networkTimeoutSeconds: 8,
        plugins: [onlyCompletePages, new ExpirationPlugin({ maxEntries: 12 })],
      }),
    },
    {
      // The app's own built files are named by their content: stored as they are met.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "rekindle-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200 })],
      }),
    },
    {
      // Every other page goes to the network only, so a failure can show the offline page.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && !NEVER.test(url.pathname),
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.mode === "navigate" }],
  },
});

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === WAS_PAGE_STORED) {
    const source = event.source as Client | null;
    event.ports[0]?.postMessage({ stored: source ? fromStore.has(source.id) : false });
  }
});

// ─── Push ────────────────────────────────────────────────────────────────────────────

/** Shows a push from Rekindle's server (server/push/): the words were chosen there. */
self.addEventListener("push", (event: PushEvent) => {
  let data: unknown = null;
  try {
    data = event.data?.json();
  } catch {
    // Not JSON: shown as the neutral fallback.
  }
  const payload = readPushPayload(data);
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      icon: "/icons/icon-192.png",
      data: { url: payload.url },
    }),
  );
});

/**
 * Opens the push's page on a tap: a Rekindle window already on it is brought forward, else
 * one of Rekindle's windows goes there, else a new one opens.
 */
async function openFromNotification(path: string): Promise<void> {
  const url = new URL(path, self.location.origin);
  const target = url.origin === self.location.origin ? url.href : `${self.location.origin}/home`;
  const windows = await self.clients.matchAll({ type: "window" });
  const open = windows.find((client) => client.url === target);
  if (open) {
    await open.focus();
    return;
  }
  const [first] = windows;
  const moved = first ? await first.navigate(target) : null;
  if (moved) await moved.focus().catch(() => moved);
  else await self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event: NotificationEvent) => {
  event.notification.close();
  const { url } = readPushPayload({ title: "-", ...(event.notification.data ?? {}) });
  event.waitUntil(openFromNotification(url));
});

serwist.addEventListeners();
