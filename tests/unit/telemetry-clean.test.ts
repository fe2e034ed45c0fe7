import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { describe, expect, it } from "vitest";
import { cleanSpan, statementText } from "@/server/telemetry-sdk";

/** A finished span as Next.js leaves it for a buddy page opened with a query string. */
function spanOf(over: Partial<ReadableSpan>): ReadableSpan {
  return {
    name: "GET /b/Qm9vdHMgYW5kIGNhdHMgYW5kIGJvb3RzIGFuZCBjYXRz",
    kind: SpanKind.SERVER,
    spanContext: () => ({ traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 }),
    startTime: [0, 0],
    endTime: [0, 1],
    status: { code: SpanStatusCode.ERROR, message: 'Failed query: ... params: "sam@example.com"' },
    attributes: {
      "http.method": "GET",
      "http.target": "/b/Qm9vdHMgYW5kIGNhdHMgYW5kIGJvb3RzIGFuZCBjYXRz?from=sam@example.com",
      "url.query": "input=%7B%22body%22%3A%22my%20words%22%7D",
      "http.status_code": 500,
    },
    links: [],
    events: [
      {
        name: "exception",
        time: [0, 1],
        attributes: { "exception.type": "Error", "exception.message": "params: sam@example.com" },
      },
    ],
    duration: [0, 1],
    ended: true,
    resource: {} as ReadableSpan["resource"],
    instrumentationScope: { name: "next.js" },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...over,
  };
}

describe("a span, before it leaves the process", () => {
  it("loses tokens in paths, query strings and error texts, and keeps what an operator reads", () => {
    const clean = cleanSpan(spanOf({}));
    expect(clean.name).toBe("GET /b/:token");
    expect(clean.attributes).toEqual({
      "http.method": "GET",
      "http.target": "/b/:token",
      "http.status_code": 500,
    });
    expect(clean.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(clean.events.map((e) => e.attributes)).toEqual([{ "exception.type": "Error" }]);
    expect(JSON.stringify(clean)).not.toMatch(/sam@example|my%20words|Qm9vdHMg/);
    expect(clean.spanContext().spanId).toBe("2".repeat(16));
  });

  it("keeps a full URL's origin and the statement's text, with any quoted literal blanked", () => {
    const clean = cleanSpan(
      spanOf({
        name: "fetch GET https://mail.example/reset/abcdefabcdefabcdefabcdefabcdef12?x=1",
        attributes: { "db.query.text": 'select * from "users" where "email" = $1' },
      }),
    );
    expect(clean.name).toBe("fetch GET https://mail.example/reset/:token");
    expect(clean.attributes["db.query.text"]).toBe('select * from "users" where "email" = $1');
    expect(statementText("select 'it''s mine', $1 where a = 'x'")).toBe(
      "select '?', $1 where a = '?'",
    );
  });
});
