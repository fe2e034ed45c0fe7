import "#server-only";
/**
 * The Content-Security-Policy of every page: scripts run only with this response's nonce
 * (and what they load, by 'strict-dynamic'); nothing comes from another origin; no
 * plugins, no <base>, no framing. Development adds 'unsafe-eval', which React's dev
 * build needs for its error overlay. Without a nonce no script runs at all: the policy of a
 * page that sends none (the buddy page, in development too).
 *
 * Styles allow 'unsafe-inline' because React writes style attributes (a progress bar's
 * width); a stylesheet cannot run code, and scripts stay nonce-only.
 *
 * The install manifest and the service worker (/serwist/sw.js) come from this origin. A
 * page the worker replays offline carries the policy it was stored with, nonce included,
 * so its own scripts still run and nothing else does.
 */
export function contentSecurityPolicy(nonce: string | null, dev: boolean): string {
  return [
    "default-src 'self'",
    nonce === null
      ? "script-src 'none'"
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh one for every page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
