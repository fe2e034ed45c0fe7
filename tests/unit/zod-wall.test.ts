import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** zod and its resolver: about 30 kB gzip that no page may need before its first submit. */
const HEAVY = /^(zod|zod\/.*|@hookform\/resolvers\/zod)$/;
const ROOT = process.cwd();

/** A local specifier as a file, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  const tries = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((end) => base + end);
  const found = tries.find((file) => existsSync(file) && !file.endsWith(path.sep));
  if (!found) throw new Error(`${from} imports ${specifier}, which isn't there`);
  return found;
}

const parsed = new Map<string, string[]>();

/** What a module loads with it: static imports and re-exports that bring values, not types. */
function staticImports(file: string): string[] {
  const known = parsed.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          !clause.name &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
      if (!typesOnly) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  parsed.set(file, specifiers);
  return specifiers;
}

/** The chain of imports from `entry` to zod, or null when the page loads none. */
function pathToZod(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (HEAVY.test(specifier)) return [...chain, specifier];
      const next = resolve(file, specifier);
      if (!next || !/\.tsx?$/.test(next)) continue;
      // A server action's module stays on the server: the page gets a reference to call.
      if (readFileSync(next, "utf8").startsWith('"use server";')) continue;
      const found = walk(next, [...chain, path.relative(ROOT, next)]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, [path.relative(ROOT, entry)]);
}

const clientModules = readdirSync("app", { recursive: true, encoding: "utf8" })
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => path.join(ROOT, "app", name))
  .filter((file) => readFileSync(file, "utf8").startsWith('"use client";'));

describe("the wall around zod", () => {
  it("finds the client components it guards", () => {
    expect(clientModules.length).toBeGreaterThan(20);
  });

  it("keeps zod out of every client component's static imports (forms load it on use)", () => {
    const reaching = clientModules
      .map((file) => pathToZod(file))
      .filter((chain) => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(reaching).toEqual([]);
  });
});
