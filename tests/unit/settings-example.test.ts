import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSettings, SETTING_NAMES } from "@/server/env";

/** The settings .env.example shows, each with the value after its `=` (commented or not). */
function exampleSettings(): Map<string, string> {
  const lines = readFileSync(".env.example", "utf8").split("\n");
  const found = new Map<string, string>();
  for (const line of lines) {
    const match = /^#?\s?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) found.set(match[1] as string, (match[2] as string).trim());
  }
  return found;
}

/** The variables README's "Settings" table names in its first column. */
function readmeSettings(): Set<string> {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("\n## Settings");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1] as string));
}

describe(".env.example", () => {
  it("lists every setting server/env.ts reads, and nothing it does not", () => {
    expect([...exampleSettings().keys()].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it("shows each setting's real default, or nothing where the default is unset", () => {
    const defaults = parseSettings({}) as Record<string, unknown>;
    for (const [name, shown] of exampleSettings()) {
      const value = defaults[name];
      expect(shown, name).toBe(value === undefined ? "" : String(value));
    }
  });
});

describe("README's settings table", () => {
  it("describes every setting server/env.ts reads", () => {
    const listed = readmeSettings();
    expect(SETTING_NAMES.filter((name) => !listed.has(name))).toEqual([]);
  });
});
