import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { pgliteDatabase } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import "./provided";

const cacheDir = path.join(process.cwd(), ".cache");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Names the snapshot after everything that shapes it: the migration files and the PGlite
 * version (a data directory written by one PGlite release may not open in another).
 */
function snapshotKey(): string {
  const hash = createHash("sha256");
  // The package exports no package.json; it sits one folder above the entry point.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pglite = JSON.parse(
    readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  for (const file of filesUnder(migrationsFolder)) {
    hash.update(`${path.relative(migrationsFolder, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds a migrated PGlite data directory once (initdb alone takes seconds) and keeps its
 * tarball under .cache/, so each worker only loads it.
 */
export default async function setup(project: TestProject) {
  const name = `pglite-snapshot-${snapshotKey()}.tar`;
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const client = await PGlite.create();
    try {
      await migrateDatabase(pgliteDatabase(client));
      const tarball = await client.dumpDataDir("none");
      // Written aside and renamed, so a concurrent run never reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await client.close();
    }
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith("pglite-snapshot-") && old !== name && !old.endsWith(".partial")) {
        rmSync(path.join(cacheDir, old), { force: true });
      }
    }
  }
  project.provide("pgliteSnapshotPath", file);
}
