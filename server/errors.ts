import "#server-only";
/**
 * The errors services throw. They know nothing of tRPC; the procedure layer maps each code
 * to its transport status, and the message is written for the person reading it.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The input field the message is about, shown next to it in forms. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * The error and the errors it wraps: Drizzle wraps every driver error in a
 * DrizzleQueryError whose own `code` is empty, so a check on the outer error alone misses.
 */
function* causeChain(e: unknown): Generator<unknown> {
  let current = e;
  for (let depth = 0; current != null && depth < 8; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P03",
  "08006",
  "08001",
  "08003",
]);

/** True for errors that mean the database could not be reached, as opposed to a bug. */
export function isConnectionError(e: unknown): boolean {
  for (const error of causeChain(e)) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
  }
  return false;
}

/** Fields of a driver error that name things in the schema, never values. */
const SAFE_FIELDS = [
  "code",
  "severity",
  "routine",
  "schema",
  "schema_name",
  "table",
  "table_name",
  "column",
  "column_name",
  "constraint",
  "constraint_name",
] as const;

function loggable(error: unknown, depth: number): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as unknown as Record<string, unknown>;
  // DrizzleQueryError keeps the name "Error"; its class name says more.
  const out: Record<string, unknown> = {
    type: error.name === "Error" ? error.constructor.name : error.name,
  };
  if (typeof fields.query === "string" && "params" in fields) {
    out.message = `Failed query: ${fields.query}`; // without the params Drizzle appends
  } else if (typeof fields.code === "string" && fields.code.startsWith("22")) {
    out.message = "(withheld: data exceptions quote the offending value)";
  } else {
    out.message = error.message;
  }
  for (const key of SAFE_FIELDS) {
    if (typeof fields[key] === "string") out[key] = fields[key];
  }
  // The stack's first line repeats the message; keep only the frames.
  out.stack = error.stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  if (error.cause != null && depth < 8) out.cause = loggable(error.cause, depth + 1);
  return out;
}

/**
 * What of an unexpected error may go to the log: its kind, its SQL text, codes and the
 * names of tables and constraints. Never values: Drizzle puts a query's parameters (what the
 * person typed) in its message, stack and `params`, and PostgreSQL's `detail` repeats the
 * whole failing row, password hash included.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  return loggable(error, 0);
}
