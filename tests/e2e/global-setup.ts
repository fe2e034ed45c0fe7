import { rmSync } from "node:fs";

/** Each run notes its own secrets (see fixtures.ts `remember`), never a previous run's. */
export default function forgetEarlierSecrets() {
  rmSync(".data/e2e/secrets.txt", { force: true });
}
