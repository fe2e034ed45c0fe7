import type { MetadataRoute } from "next";

/**
 * What a phone needs to install Rekindle. One file for everyone, fetched without cookies,
 * so it can't follow a person's discreet mode: its words stay plain (no "ex", no
 * "breakup"), and in discreet mode the pages themselves carry a neutral title, which is
 * also the name iOS offers when adding to the home screen.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/home",
    name: "Rekindle",
    short_name: "Rekindle",
    description: "A calm, private, step-by-step plan.",
    start_url: "/home",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    // The light theme's canvas; the pages' theme-color meta tags follow the dark theme.
    background_color: "#fbf7f2",
    theme_color: "#fbf7f2",
    categories: ["lifestyle", "health"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
