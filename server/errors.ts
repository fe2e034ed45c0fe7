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

/** True for errors that mean the database could not be reached, as opposed to a bug. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    [
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
    ].includes(code)
  );
}
