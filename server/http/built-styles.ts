import "#server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The stylesheets Next.js built for the Pages Router's shell (pages/_app.tsx imports the
 * app's one stylesheet), as its build-manifest.json lists them: what the buddy page, which
 * writes its own HTML, links. Read once in production. `next dev` builds into .next/dev and
 * renames the file when the CSS changes, so development reads the list every time.
 */
let production: string[] | undefined;

export function builtStylesheets(dev: boolean, root = process.cwd()): string[] {
  if (!dev && production) return production;
  const manifest = path.join(root, ".next", dev ? "dev" : "", "build-manifest.json");
  const { pages } = JSON.parse(readFileSync(manifest, "utf8")) as {
    pages: Record<string, string[]>;
  };
  const sheets = (pages["/_app"] ?? [])
    .filter((file) => file.endsWith(".css"))
    .map((file) => `/_next/${file.split("/").map(encodeURIComponent).join("/")}`);
  if (sheets.length === 0) throw new Error(`${manifest} lists no stylesheet for /_app.`);
  if (!dev) production = sheets;
  return sheets;
}
