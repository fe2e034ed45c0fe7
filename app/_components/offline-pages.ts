/**
 * What the service worker (app/sw.ts) and the pages agree on. Plain constants, no imports:
 * the worker is bundled on its own and must not pull in React.
 */

/** The worker's one store of private pages (the plan as last loaded); cleared on sign-out. */
export const PRIVATE_PAGES_CACHE = "rekindle-pages";

/** A page asks whether the worker answered it from that store (the network had failed). */
export const WAS_PAGE_STORED = "WAS_PAGE_STORED";

/** The plan's pages, the only ones kept for reading offline: /home, /plan, /plan/1 to 7. */
export const PLAN_PAGE = /^\/(?:home|plan(?:\/[1-7])?)\/?$/;
