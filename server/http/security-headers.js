/**
 * What every answer carries, page or API. next.config.js gives these to every route Next.js
 * serves; scripts/serve.ts gives them to /api/trpc, which it answers without Next.js in
 * production. Plain JavaScript, so next.config.js can read it as it is.
 */

/** @param {boolean} production @returns {{ key: string, value: string }[]} */
export function everyRouteHeaders(production) {
  return [
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
  ];
}

/** Where the address itself is no secret: every route but a buddy link, its dead-link page and a calendar feed. */
export const PLAIN_REFERRER_POLICY = {
  key: "Referrer-Policy",
  value: "strict-origin-when-cross-origin",
};
