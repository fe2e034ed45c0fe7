/**
 * The dashboard's numbers as pure functions of rows already fetched: no database, no clock
 * (the caller passes today), so every rule here is unit-tested on its own. Like the
 * rest of lib/, it imports nothing server-only, so pages may use it in the browser too.
 */
export * from "./calendar";
export * from "./days";
export * from "./format";
export * from "./initiative";
export * from "./locale";
export * from "./low-mood";
export * from "./mood";
export * from "./pauses";
export * from "./streak";
