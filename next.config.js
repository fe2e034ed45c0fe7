import { hostname, networkInterfaces } from "node:os";

/**
 * Every name this machine answers to: 127.0.0.1, ::1, each network address (a phone on the
 * same Wi-Fi opens http://192.168.1.20:3000) and the machine's own name, with and without
 * ".local". `npm run dev` opened from any of them may load Next's development resources;
 * Next allows only localhost by itself, and a page opened from anywhere else never hydrates.
 * Read when the server starts, so a new network address needs a restart.
 */
function ownAddresses() {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    // A browser's Origin writes an IPv6 address in brackets; a zone (%eth0) never appears.
    .map((a) => (a.family === "IPv6" ? `[${a.address.split("%")[0]}]` : a.address));
  const name = hostname().toLowerCase();
  const names = name ? [name, name.endsWith(".local") ? name : `${name}.local`] : [];
  return [...new Set([...addresses, ...names])];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Every page is rendered per request (its CSP nonce) and sent with no-store, so no
  // browser asks again with an ETag; hashing each page for one cost the buddy page about
  // 0.2 ms a request (--cpu-prof). Static files keep their own caching.
  generateEtags: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole tree (tests and scripts too) before its browser build,
  // so that build skips Next's second, narrower check; every other build keeps it.
  typescript: { ignoreBuildErrors: process.env.REKINDLE_TYPES_CHECKED === "1" },
  // Development only: see ownAddresses. Production serves no such resources.
  allowedDevOrigins: ownAddresses(),
  // Next's development badge sat over the Home tab; build and runtime errors still show.
  devIndicators: false,
  // scripts/serve.ts logs every request with its tokens replaced; Next's own development
  // line would print a buddy link's or a reset link's token whole.
  logging: { incomingRequests: false },
  // PGlite loads its WebAssembly and data files from its own package folder at run time,
  // and argon2 is a native addon: both must stay plain Node requires, not bundled.
  // The rate limiter and its Redis client stay plain requires too, so proxy.ts and the
  // routes share one copy of each rather than one per bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pino",
    "rate-limiter-flexible",
    "ioredis",
    // @serwist/turbopack bundles the service worker with esbuild while the build runs.
    "esbuild",
    // server/env.ts reads .env files with Next.js's own loader: the one copy Next.js
    // already ran, which finds the files read, rather than a bundled second copy.
    "@next/env",
    // The driver carries a patch (patches/): loaded from node_modules, the copy the server
    // checks at start is the one that runs, not one bundled on the build machine.
    "postgres",
  ],
  // The migrations are read from disk when the database opens.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  async headers() {
    /** What every answer carries, page or API; the Referrer-Policy is set per path below. */
    const everyRoute = [
      ...(process.env.NODE_ENV === "production"
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
    // Where the address itself is the secret (a buddy link, its dead-link page, a calendar
    // feed). A header set here replaces the one a route sets itself (the feed's own
    // no-referrer went out as the site-wide value), so the two sources below never match
    // the same path: each secret address gets exactly one Referrer-Policy, no-referrer.
    return [
      {
        source: "/((?!b/|cal/|link-gone$).*)",
        headers: [
          ...everyRoute,
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // Never sent onwards in a Referer, never indexed, never kept by a shared cache.
      {
        source: "/:secret(b/.*|cal/.*|link-gone)",
        headers: [
          ...everyRoute,
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
      // The service worker: checked for a new version on every visit, never kept stale by
      // a cache, and allowed to control the whole site from its /serwist/ address.
      {
        source: "/serwist/:path*",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

export default nextConfig;
