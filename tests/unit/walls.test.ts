import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every .ts file below a folder, as paths from the project's root. */
function modulesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(folder, name));
}

describe("the wall around server/", () => {
  it("starts every module with #server-only, so a browser bundle that reaches one fails to build", () => {
    const unmarked = modulesIn("server").filter(
      (file) => !readFileSync(file, "utf8").startsWith('import "#server-only";\n'),
    );
    expect(unmarked).toEqual([]);
  });

  it("resolves #server-only to server-only in browsers and to nothing elsewhere", () => {
    const { imports } = JSON.parse(readFileSync("package.json", "utf8"));
    const marker = imports["#server-only"];
    expect(readFileSync(marker.browser, "utf8")).toContain('import "server-only";');
    expect(readFileSync(marker.default, "utf8")).not.toContain("import");
  });
});
