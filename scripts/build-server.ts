/**
 * Builds the server's own entry points (serve, prepare-db) and what they import from
 * server/ and db/ into plain JavaScript in dist/, so production runs them with `node`.
 * Runs after `next build` in `npm run build`; packages stay in node_modules, as Next's do.
 *
 *   tsx scripts/build-server.ts
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

const outdir = "dist";

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  entryPoints: { serve: "scripts/serve.ts", "prepare-db": "scripts/prepare-db.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Every package is loaded from node_modules at run time, like Next.js's server, so the
  // postgres patch and native addons apply, and one copy of Next.js serves both.
  packages: "external",
  // The two entry points share most of their code: one chunk, not two copies.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
console.log(`Server built into ${outdir}/ (${Math.round(performance.now() - started)} ms).`);
