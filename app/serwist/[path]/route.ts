import { createSerwistRoute } from "@serwist/turbopack";

/**
 * Serves the service worker (app/sw.ts) at /serwist/sw.js. @serwist/turbopack bundles it
 * with esbuild while `next build` prerenders this route, and writes the list of the
 * build's static files into it for precaching; next.config.js sends it with `no-cache`, so
 * a phone checks for a new worker on every visit.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute(
  {
    swSrc: "app/sw.ts",
    useNativeEsbuild: true,
    // A classic script: every browser that runs service workers can start it.
    esbuildOptions: { format: "iife" },
    // Source maps of the worker stay out of the precache list (they are never fetched).
    globIgnores: ["**/*.map"],
  },
);
