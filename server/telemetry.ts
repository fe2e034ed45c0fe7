import "#server-only";
import { env } from "./env";

/**
 * OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. This module loads
 * nothing of OpenTelemetry itself: the SDK (server/telemetry-sdk.ts) is imported only when
 * the setting is there, so a server without it pays for one settings check.
 */

/** What the tRPC middleware needs from the tracer, kept free of OpenTelemetry's types. */
export interface ProcedureTracer {
  /** Runs one procedure inside a span named by its path; `failure` names its error code. */
  procedure<T>(
    path: string,
    type: string,
    run: () => Promise<T>,
    failure: (result: T) => string | null,
  ): Promise<T>;
  /**
   * Runs one HTTP request Next.js does not see (scripts/serve.ts's tRPC door) inside a
   * server span named by its method and route, as Next names its own; `run` answers the status.
   */
  request(method: string, route: string, run: () => Promise<number>): Promise<number>;
  /** Sends every finished span now (a test, or a server about to stop). */
  flush(): Promise<void>;
  /** Stops tracing and sends what is left. */
  stop(): Promise<void>;
}

/**
 * Kept on globalThis: Next.js bundles server code once per entry (instrumentation, routes,
 * pages), and the copy that starts tracing is not the one that serves tRPC.
 */
const TRACER = Symbol.for("rekindle.procedure-tracer");
const shared = globalThis as { [TRACER]?: Promise<ProcedureTracer | undefined> };

/** The running tracer, or undefined when traces are off. */
export function procedureTracer(): Promise<ProcedureTracer | undefined> | undefined {
  return shared[TRACER];
}

/**
 * Starts sending traces to `endpoint` (by default the setting), once per process. Returns
 * undefined, having loaded nothing, when there is nowhere to send them.
 */
export function startTracing(
  endpoint = env().OTEL_EXPORTER_OTLP_ENDPOINT,
): Promise<ProcedureTracer | undefined> {
  if (!endpoint) return Promise.resolve(undefined);
  shared[TRACER] ??= import("./telemetry-sdk").then((sdk) => sdk.startSdk(endpoint));
  return shared[TRACER];
}

/** Stops tracing (tests start and stop it around their own receiver). */
export async function stopTracing(): Promise<void> {
  const running = shared[TRACER];
  shared[TRACER] = undefined;
  await (await running)?.stop();
}
