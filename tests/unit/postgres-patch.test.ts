import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { postgresPackageDir, postgresPatchProblem } from "@/server/postgres-patch";

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the installed postgres package, to spoil without touching node_modules. */
function copyOfDriver(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rekindle-postgres-"));
  copies.push(dir);
  cpSync(postgresPackageDir(), dir, { recursive: true });
  return dir;
}

/** The file as the postgres release ships it: Rekindle's lines taken out again. */
function unpatch(file: string) {
  const patched = readFileSync(file, "utf8");
  writeFileSync(file, patched.replaceAll("porsager/postgres#1154", "upstream"));
}

describe("the postgres patch check", () => {
  it("finds the patch applied to the driver this project installed", () => {
    expect(postgresPatchProblem()).toBeNull();
  });

  it("refuses a driver whose import copy is unpatched, and says how to fix it", () => {
    const dir = copyOfDriver();
    unpatch(path.join(dir, "src/connection.js"));
    const problem = postgresPatchProblem(dir);
    expect(problem).toContain("src/connection.js");
    expect(problem).not.toContain("cjs/src/connection.js");
    expect(problem).toContain("npx patch-package");
  });

  it("refuses a driver whose require copy is unpatched", () => {
    const dir = copyOfDriver();
    unpatch(path.join(dir, "cjs/src/connection.js"));
    expect(postgresPatchProblem(dir)).toContain("cjs/src/connection.js");
  });

  it("refuses a folder with no driver in it at all", () => {
    const dir = copyOfDriver();
    rmSync(path.join(dir, "src"), { recursive: true });
    expect(postgresPatchProblem(dir)).toContain("src/connection.js");
  });
});
