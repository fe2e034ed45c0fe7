/**
 * A second process for tests/integration/pglite-lock.test.ts: opens the embedded database
 * in the directory given as its argument, says "ready", and holds it until it is killed.
 */
import { openPglite } from "../../db/client";

const dir = process.argv[2];
if (!dir) throw new Error("usage: hold-pglite.ts <data-dir>");
await openPglite(dir);
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
