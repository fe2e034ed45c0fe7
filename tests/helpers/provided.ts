/** Values the global setups hand to test workers through `inject()`. */
declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory (global-setup-pglite.ts). */
    pgliteSnapshotPath: string;
    /** The migrated database each worker clones its own from (global-setup-postgres.ts). */
    postgresTemplate: string;
    /** This run's database name prefix, so concurrent runs never collide. */
    postgresRunPrefix: string;
  }
}

export {};
