/**
 * What Debian's Chromium needs on this machine, without background work of its own: the
 * browser tests (playwright.config.ts) and the bench's Chromium runs start it with these.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
