/** Holds "not now" for the support offer, for one person on this browser: its value is their id. */
export const SUPPORT_LATER_COOKIE = "rekindle-support-later";
/** How long "not now" lasts, in days. */
export const SUPPORT_LATER_DAYS = 3;
