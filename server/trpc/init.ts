import "#server-only";
import { randomUUID } from "node:crypto";
import { initTRPC, StandardSchemaV1Error, TRPCError } from "@trpc/server";
import { ZodError, type z } from "zod";
import type { Db } from "@/db/client";
import { TRPC_BATCH_MAX } from "@/lib/schemas/plain";
import { FALLBACK_LOCALE } from "@/lib/stats/locale";
import type { ActiveSession, SessionUser } from "@/server/auth/sessions";
import { validateSession } from "@/server/auth/sessions";
import { AppError, isConnectionError, loggableError } from "@/server/errors";
import { TRY_AGAIN } from "@/server/http/edge";
import { log } from "@/server/log";
import { procedureTracer } from "@/server/telemetry";
import { transformer } from "./transformer";

// ─── 1. Context ─────────────────────────────────────────────────────────────────────────

export interface RequestMeta {
  requestId: string;
  userAgent: string;
  /** The client's address as Rekindle's server recorded it (server/client-ip.ts). */
  address: string;
  /** The language dates and numbers are shown in, from Accept-Language ("en" without one). */
  locale: string;
}

export interface Context {
  db: Db;
  session: ActiveSession | null;
  user: SessionUser | null;
  meta: RequestMeta;
}

/** A context for a session that was already checked (server components do this once). */
export function contextFor(
  db: Db,
  session: ActiveSession | null,
  meta?: Partial<RequestMeta>,
): Context {
  return {
    db,
    session,
    user: session?.user ?? null,
    meta: {
      requestId: meta?.requestId ?? randomUUID(),
      userAgent: meta?.userAgent ?? "",
      address: meta?.address ?? "unknown",
      locale: meta?.locale ?? FALLBACK_LOCALE,
    },
  };
}

/**
 * Builds a context from a session id already read from a cookie, checked against the
 * sessions table like every request's (tests and scripts; HTTP reads the cookie with the
 * edge's `sessionOf`).
 */
export async function createContext(opts: {
  db: Db;
  sessionId: string | null;
  meta?: Partial<RequestMeta>;
  now?: Date;
}): Promise<Context> {
  const session = opts.sessionId ? await validateSession(opts.db, opts.sessionId, opts.now) : null;
  return contextFor(opts.db, session, opts.meta);
}

// ─── 2. Initialisation and error shape ─────────────────────────────────────────────────

export type FieldErrors = Record<string, string[]>;

/**
 * The validation issues behind a BAD_REQUEST. tRPC calls a zod schema's own `parseAsync`,
 * which throws a ZodError; StandardSchemaV1Error comes only from other validators.
 */
function issuesOf(cause: unknown): readonly StandardSchemaV1Error["issues"][number][] | null {
  if (cause instanceof StandardSchemaV1Error) return cause.issues;
  if (cause instanceof ZodError) return cause.issues;
  return null;
}

function fieldErrorsOf(error: TRPCError): FieldErrors | null {
  const cause = error.cause;
  const issues = issuesOf(cause);
  if (issues) {
    const out: FieldErrors = {};
    for (const issue of issues) {
      const key =
        (issue.path ?? [])
          .map((p) => (typeof p === "object" && p !== null ? String(p.key) : String(p)))
          .join(".") || "_form";
      out[key] = [...(out[key] ?? []), issue.message];
    }
    return out;
  }
  if (cause instanceof AppError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

/** What tRPC 11 says when a batch is longer than `maxBatchSize` (server/trpc/http.ts). */
const BATCH_TOO_LONG = "Batch call exceeds maximum size";

/**
 * The sentence for a request tRPC itself refused before any procedure read it: a path
 * that names no procedure, a query string or body that is not what the client sends
 * (superjson's "Cannot convert <input> to a BigInt" and the like). Their own messages
 * quote the request or the library's internals, so a plain sentence replaces them.
 */
function unreadRequest(error: TRPCError): string | null {
  switch (error.code) {
    case "BAD_REQUEST":
    case "PARSE_ERROR":
      return error.message === BATCH_TOO_LONG
        ? `Please send at most ${TRPC_BATCH_MAX} calls in one request.`
        : "This request could not be read. Please reload the page and try again.";
    case "NOT_FOUND":
      return "There is nothing at this address.";
    case "METHOD_NOT_SUPPORTED":
    case "UNSUPPORTED_MEDIA_TYPE":
    case "PAYLOAD_TOO_LARGE":
      return "This request cannot be sent that way. Please reload the page and try again.";
    default:
      return null;
  }
}

const t = initTRPC.context<Context>().create({
  transformer,
  /**
   * Keeps zod's field errors for forms and hides everything unexpected: the client gets a
   * generic sentence and an id that is also in the log, never SQL or a stack.
   */
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error);
    let message = shape.message;
    if (fieldErrors) {
      const [field, messages] = Object.entries(fieldErrors)[0] ?? [];
      message =
        field === "_form" || !field ? (messages?.[0] ?? message) : `${field}: ${messages?.[0]}`;
    }
    const errorId = (error as TRPCError & { errorId?: string }).errorId;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      message = `Something went wrong on our side. Please try again.${errorId ? ` (Reference: ${errorId})` : ""}`;
    }
    const unread = !fieldErrors && !(error.cause instanceof AppError) && unreadRequest(error);
    if (unread) message = unread;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        // A path that names no procedure is the request's own text: not echoed either.
        path: unread ? null : shape.data.path,
        fieldErrors,
        errorId: errorId ?? null,
      },
    };
  },
});

const codeMap = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<AppError["code"], TRPCError["code"]>;

/**
 * What the client may see of an error that is neither an AppError nor a TRPCError: a lost
 * database is the edge's "try again"; anything else is logged under an id and shown as
 * that id only, as the edge does for every other door.
 */
export function hideUnexpectedError(
  cause: unknown,
  where: { requestId: string; path?: string; type?: string },
): TRPCError {
  if (isConnectionError(cause)) {
    log.warn(where, "database unreachable");
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: TRY_AGAIN });
  }
  const errorId = randomUUID().slice(0, 8);
  log.error({ errorId, ...where, error: loggableError(cause) }, "unexpected error");
  const hidden = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error" });
  Object.assign(hidden, { errorId });
  return hidden;
}

/**
 * Turns what a procedure threw into what the client may see: AppError keeps its code and
 * message; a lost database is "try again"; anything else is logged with an id.
 */
const errorMapping = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (result.ok) return result;
  const error = result.error;
  const cause = error.cause ?? error;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: codeMap[cause.code], message: cause.message, cause });
  }
  if (error.code !== "INTERNAL_SERVER_ERROR") return result;
  throw hideUnexpectedError(cause, { requestId: ctx.meta.requestId, path, type });
});

/**
 * A span per procedure, named by its path, when traces are on; its input is never recorded.
 * Off, it is one check and a plain `next()`.
 */
const tracing = t.middleware(async ({ path, type, next }) => {
  const tracer = procedureTracer();
  if (!tracer) return next();
  const running = await tracer;
  if (!running) return next();
  return running.procedure(
    path,
    type,
    () => next(),
    (result) => (result.ok ? null : result.error.code),
  );
});

// ─── 3. Procedures ───────────────────────────────────────────────────────────────────────

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const answers = new WeakSet<object>();

/**
 * An output schema for `.output()`, checked with zod's `parse`. tRPC calls a zod schema's
 * `parseAsync`, and zod's async path skips the object checks it compiles for `parse`: for
 * the dashboard's answer that was 97 µs and 120 kB of garbage a request, against 19 µs and
 * 32 kB (garbage that, under load, was collected every 40 ms). No output schema has an async
 * step. The result is still the schema to everything else (its type, the router walk).
 */
export function answer<T extends z.ZodType>(schema: T): T {
  const checked = Object.create(schema, {
    parseAsync: { value: async (data: unknown) => schema.parse(data) },
  }) as T;
  answers.add(checked);
  return checked;
}

/** Whether an output schema went through `answer()` (the router walk checks every one). */
export const isAnswer = (schema: unknown): boolean =>
  typeof schema === "object" && schema !== null && answers.has(schema);

/** Anyone may call it. Keep the list of these short; see tests/integration/access.test.ts. */
export const publicProcedure = t.procedure.use(tracing).use(errorMapping);

/**
 * Needs a live session; gives the procedure a non-null `ctx.user`, `ctx.session`, and the
 * `ctx.actor` that services scope every query by.
 */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in again to continue." });
  }
  return next({
    ctx: {
      ...ctx,
      user: ctx.user,
      session: ctx.session,
      actor: { userId: ctx.user.id, discreet: ctx.user.discreet },
    },
  });
});
