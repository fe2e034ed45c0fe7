/**
 * What every page's <head> says about the site, shared by the root layout and the one
 * Pages Router page (the buddy page), so the two never drift apart.
 */
export const SITE_NAME = "Rekindle";
export const SITE_DESCRIPTION =
  "A calm, private, step-by-step plan for finding your way back to someone.";
/** The browser's bar follows the page's canvas colour in each theme. */
export const THEME_COLORS = { light: "#fbf7f2", dark: "#1b1715" } as const;
/**
 * The tab's icon: the svg wherever a browser draws one, and favicon.ico (16, 32 and 48 px)
 * for the rest and for anything that asks for /favicon.ico on its own.
 */
export const FAVICONS = [
  { url: "/favicon.ico", sizes: "48x48" },
  { url: "/icon.svg", type: "image/svg+xml", sizes: "any" },
];
/** Installing: the manifest comes from app/manifest.ts; iOS takes this icon instead. */
export const APPLE_TOUCH_ICON = "/icons/apple-touch-icon.png";
export const MANIFEST = "/manifest.webmanifest";
