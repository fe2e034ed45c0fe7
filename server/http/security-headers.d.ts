import "#server-only";

/** Types for security-headers.js, which next.config.js reads as plain JavaScript. */
export function everyRouteHeaders(production: boolean): { key: string; value: string }[];
export const PLAIN_REFERRER_POLICY: { key: string; value: string };
