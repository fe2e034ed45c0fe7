/**
 * Runs in the browser before any page code. zod compiles fast parsers with `new
 * Function`, and probes for it as soon as a schema is built; the CSP rightly forbids eval,
 * so the probe alone would be reported as a violation. Parsing without it is as correct
 * and, for forms this size, as quick.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
