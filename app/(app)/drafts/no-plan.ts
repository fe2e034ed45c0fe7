import { TRPCError } from "@trpc/server";

/**
 * For `.catch()` on a call that needs a plan in progress: without one (NOT_FOUND) the page
 * shows `fallback`; anything else (a lost database) still reaches the error page.
 */
export function noPlan<T>(fallback: T) {
  return (error: unknown): T => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return fallback;
    throw error;
  };
}
