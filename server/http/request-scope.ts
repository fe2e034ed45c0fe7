import "#server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { isConnectionError } from "@/server/errors";

/**
 * What one request learned on its way through Rekindle that its status must tell. An App
 * Router page cannot set its own status, so a page whose data could not be read because the
 * database is away would answer 500; scripts/serve.ts runs each request inside a scope,
 * and turns that request's 500 into 503 when the scope says the database was away.
 * Shared through globalThis: serve.ts and each Next bundle have their own copy of this
 * module, but one store.
 */
/** How long a "try again in a moment" answer (503) asks the client to wait. */
export const TRY_AGAIN_SECONDS = 5;

export interface RequestScope {
  databaseAway: boolean;
}

const SCOPES = Symbol.for("rekindle.request-scopes");
const shared = globalThis as { [SCOPES]?: AsyncLocalStorage<RequestScope> };

export function requestScopes(): AsyncLocalStorage<RequestScope> {
  shared[SCOPES] ??= new AsyncLocalStorage<RequestScope>();
  return shared[SCOPES];
}

/** Notes that this request found the database away (outside a request, nothing to note). */
export function markDatabaseAway(): void {
  const scope = shared[SCOPES]?.getStore();
  if (scope) scope.databaseAway = true;
}

/** Notes the database away when `error` says so; for code that then rethrows it. */
export function noteDatabaseError(error: unknown): void {
  if (isConnectionError(error) || (error instanceof Error && error.name === "DatabaseAway")) {
    markDatabaseAway();
  }
}
