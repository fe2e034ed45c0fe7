import "#server-only";
import { inspect } from "node:util";
import { loggableError } from "@/server/errors";
import { log } from "@/server/log";

/**
 * Next.js and the libraries under it report a failed render with `console.error(error)`,
 * and Node prints every field of the error: a failed query's parameters (a session id's
 * hash, whatever the person typed), PostgreSQL's `detail` with the whole row, and a stack,
 * as plain text beside the JSON log. Once guarded, console.error and console.warn send
 * errors through the same loggableError as every other log line: names and SQL, no values.
 */
const GUARDED = Symbol.for("rekindle.console-guarded");

type Level = "error" | "warn";

/** A query's parameters, wherever a message repeats them after the SQL. */
const PARAMS = /\n?\s*params: [\s\S]*$/;

function words(args: unknown[]): string {
  return args
    .map((a) => (typeof a === "string" ? a : inspect(a, { depth: 1, breakLength: Infinity })))
    .join(" ")
    .replace(PARAMS, "")
    .trim();
}

/** Where guarded errors go: the JSON log, unless a test listens instead. */
export type Sink = (level: Level, fields: { errors: object[] }, message: string) => void;

const toLog: Sink = (level, fields, message) => log[level](fields, message);

export function guardConsole(target: Console = console, sink: Sink = toLog): void {
  const flags = target as unknown as Record<symbol, boolean>;
  if (flags[GUARDED]) return;
  flags[GUARDED] = true;
  for (const level of ["error", "warn"] as const satisfies Level[]) {
    const print = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      const errors = args.filter((a): a is Error => a instanceof Error);
      if (errors.length === 0) {
        print(...args.map((a) => (typeof a === "string" ? a.replace(PARAMS, "") : a)));
        return;
      }
      const rest = args.filter((a) => !(a instanceof Error));
      sink(level, { errors: errors.map(loggableError) }, words(rest) || "error");
    };
  }
}
