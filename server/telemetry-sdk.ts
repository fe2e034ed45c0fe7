import "#server-only";
import {
  type Attributes,
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-node";
import { traceStatements } from "@/db/client";
import { loggablePath } from "./http/request-log";
import type { ProcedureTracer } from "./telemetry";

/**
 * The OpenTelemetry SDK, loaded by server/telemetry.ts only when traces are on. Next.js
 * traces each HTTP request itself once a tracer provider is registered; this adds a span
 * per tRPC procedure and per SQL statement, and cleans every span before it leaves.
 */

/** A path or URL inside any text: capability tokens and query strings never leave. */
const PATHS = /(https?:\/\/[^\s/?#]+)?(\/[^\s]*)/g;
const withoutPaths = (text: string) =>
  text.replace(PATHS, (_, origin: string | undefined, path: string) => {
    return (origin ?? "") + loggablePath(path);
  });

/** The statement's text with any quoted literal blanked, in case one was ever inlined. */
export const statementText = (sql: string) => sql.replace(/'(?:[^']|'')*'/g, "'?'");

const STATEMENT_KEY = "db.query.text";

function cleanAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    // A query string may carry a tRPC call's input: only its path is kept.
    if (key === "url.query") continue;
    out[key] = typeof value === "string" && key !== STATEMENT_KEY ? withoutPaths(value) : value;
  }
  return out;
}

/**
 * What leaves the process: names and attributes with paths cleaned, error messages and
 * exception texts dropped (a driver's error can quote a value), the error's type kept.
 */
export function cleanSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: withoutPaths(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: cleanAttributes(span.attributes),
    links: span.links,
    events: span.events.map((event) => ({
      name: event.name,
      time: event.time,
      droppedAttributesCount: event.droppedAttributesCount,
      attributes:
        typeof event.attributes?.["exception.type"] === "string"
          ? { "exception.type": event.attributes["exception.type"] }
          : {},
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Hands the exporter cleaned copies; the library has no hook that rewrites a span's text. */
class CleaningExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]): void {
    this.inner.export(spans.map(cleanSpan), done);
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

export function startSdk(endpoint: string): ProcedureTracer {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": "rekindle" }),
    spanProcessors: [new BatchSpanProcessor(new CleaningExporter(exporter))],
  });
  // Global: Next.js's own copy of the API finds the provider there and traces requests.
  provider.register();
  const tracer = trace.getTracer("rekindle");

  traceStatements((statement, run) => {
    const text = statementText(statement);
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";
    return tracer.startActiveSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: { "db.system.name": "postgresql", [STATEMENT_KEY]: text },
      },
      async (span) => {
        try {
          return await run();
        } catch (e) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw e;
        } finally {
          span.end();
        }
      },
    );
  });

  return {
    procedure(path, type, run, failure) {
      return tracer.startActiveSpan(
        path,
        { attributes: { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type } },
        async (span) => {
          try {
            const result = await run();
            const code = failure(result);
            if (code) {
              span.setAttribute("trpc.error_code", code);
              span.setStatus({ code: SpanStatusCode.ERROR });
            }
            return result;
          } finally {
            span.end();
          }
        },
      );
    },
    request(method, route, run) {
      return tracer.startActiveSpan(
        `${method} ${route}`,
        { kind: SpanKind.SERVER, attributes: { "http.method": method, "http.route": route } },
        async (span) => {
          try {
            const status = await run();
            span.setAttribute("http.status_code", status);
            if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            return status;
          } finally {
            span.end();
          }
        },
      );
    },
    flush: () => provider.forceFlush(),
    async stop() {
      traceStatements(undefined);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
