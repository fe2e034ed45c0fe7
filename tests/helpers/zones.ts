import fc from "fast-check";

/**
 * Zones that catch day and clock mistakes: UTC, both sides of the date line, half- and
 * quarter-hour offsets, a half-hour daylight-saving change (Lord Howe) and the usual
 * spring and autumn changes, north and south.
 */
export const ODD_ZONES = [
  "UTC",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/St_Johns",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Apia",
] as const;

export const oddZone = fc.constantFrom(...ODD_ZONES);
