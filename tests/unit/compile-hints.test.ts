import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPILE_HINT, markStartupScripts } from "@/scripts/compile-hints";

/** A build folder with the start-up scripts the manifest lists, and one page chunk. */
function build(rootMainFiles: string[]) {
  const dist = mkdtempSync(path.join(tmpdir(), "rekindle-hints-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  for (const f of [...rootMainFiles, "static/chunks/page.js"]) {
    writeFileSync(path.join(dist, f), `(globalThis.TURBOPACK||[]).push(["${f}"]);\n`);
  }
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ rootMainFiles }));
  return dist;
}
const read = (dist: string, f: string) => readFileSync(path.join(dist, f), "utf8");

describe("compile hints after the build", () => {
  it("go on top of every start-up script, with the script itself unchanged below", () => {
    const dist = build(["static/chunks/runtime.js", "static/chunks/react.js"]);
    expect(markStartupScripts(dist)).toHaveLength(2);
    expect(read(dist, "static/chunks/react.js")).toBe(
      `${COMPILE_HINT}\n(globalThis.TURBOPACK||[]).push(["static/chunks/react.js"]);\n`,
    );
  });

  it("leave a page's own chunks alone, and mark nothing twice", () => {
    const dist = build(["static/chunks/runtime.js"]);
    markStartupScripts(dist);
    expect(markStartupScripts(dist)).toEqual([]);
    expect(read(dist, "static/chunks/runtime.js").split(COMPILE_HINT)).toHaveLength(2);
    expect(read(dist, "static/chunks/page.js")).not.toContain(COMPILE_HINT);
  });

  it("refuse a build whose manifest names no start-up script", () => {
    expect(() => markStartupScripts(build([]))).toThrow(/No start-up scripts/);
  });
});
