import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtStylesheets } from "@/server/http/built-styles";

/** A project folder whose build lists `files` for the Pages Router's shell. */
function builtProject(dir: "" | "dev", files: string[]) {
  const root = mkdtempSync(path.join(tmpdir(), "rekindle-styles-"));
  mkdirSync(path.join(root, ".next", dir), { recursive: true });
  const manifest = { pages: { "/_app": files, "/b/[token]": ["static/chunks/page.js"] } };
  writeFileSync(path.join(root, ".next", dir, "build-manifest.json"), JSON.stringify(manifest));
  return root;
}

describe("the stylesheets the buddy page links", () => {
  it("are the shell's CSS files from the build, as addresses, scripts left out", () => {
    const root = builtProject("", [
      "static/chunks/0a.js",
      "static/chunks/0p1izf8wdai7c.css",
      "static/chunks/[root-of-the-server]__x.css",
    ]);
    expect(builtStylesheets(false, root)).toEqual([
      "/_next/static/chunks/0p1izf8wdai7c.css",
      "/_next/static/chunks/%5Broot-of-the-server%5D__x.css",
    ]);
  });

  it("come from next dev's own build folder in development, read afresh each time", () => {
    const root = builtProject("dev", ["static/chunks/app_globals_1.css"]);
    expect(builtStylesheets(true, root)).toEqual(["/_next/static/chunks/app_globals_1.css"]);
    writeFileSync(
      path.join(root, ".next", "dev", "build-manifest.json"),
      JSON.stringify({ pages: { "/_app": ["static/chunks/app_globals_2.css"] } }),
    );
    expect(builtStylesheets(true, root)).toEqual(["/_next/static/chunks/app_globals_2.css"]);
  });

  it("refuse a build that lists no stylesheet, rather than send an unstyled page", () => {
    const root = builtProject("dev", ["static/chunks/0a.js"]);
    expect(() => builtStylesheets(true, root)).toThrow(/lists no stylesheet/);
  });
});
