import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signInPost } from "@/app/(auth)/sign-in/submit/route";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import {
  type ProcedureTracer,
  procedureTracer,
  startTracing,
  stopTracing,
} from "@/server/telemetry";
import { setupTestDb } from "../helpers/db";
import {
  APP_ORIGIN,
  mutationRequest,
  queryRequest,
  SAME_ORIGIN_HEADERS,
  send,
} from "../helpers/http";
import { sessionCookie, signedInUser } from "../helpers/users";

/**
 * Traces as a collector receives them: a local OTLP/HTTP endpoint takes what Rekindle's
 * own tracing code (server/telemetry.ts, the tRPC middleware, the database's statement
 * hook) sends, and nothing a person typed or any statement's values may be in it.
 */
const t = setupTestDb();

interface OtlpSpan {
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
}
interface OtlpBody {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** Every body the endpoint received, as sent. */
const bodies: string[] = [];
let receiver: Server;
let tracer: ProcedureTracer | undefined;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.url === "/v1/traces") bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, "127.0.0.1", listening));
  const { port } = receiver.address() as AddressInfo;
  tracer = await startTracing(`http://127.0.0.1:${port}`);
  pointEdgeAtDatabase(() => Promise.resolve(t.db));
  markServedByRekindle();
});

afterAll(async () => {
  await stopTracing();
  await new Promise((closed) => receiver.close(closed));
});

const spansIn = (texts: string[]) =>
  texts.flatMap((text) =>
    (JSON.parse(text) as OtlpBody).resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans),
    ),
  );
const attribute = (span: OtlpSpan, key: string) =>
  span.attributes.find((a) => a.key === key)?.value.stringValue;

describe("traces", () => {
  it("arrive for a tRPC procedure and its SQL, holding no value a person sent", async () => {
    expect(procedureTracer()).toBeDefined();
    const secretWords = `A private line ${randomUUID()}`;
    const sam = await signedInUser(t.db, {
      email: `traced-${randomUUID().slice(0, 8)}@example.com`,
    });
    const cookie = await sessionCookie(sam.sessionId);

    // A sign-in through its door: the e-mail and password go into SQL parameters and hashing.
    const signIn = await signInPost(
      new Request(`${APP_ORIGIN}/sign-in/submit`, {
        method: "POST",
        headers: {
          ...SAME_ORIGIN_HEADERS,
          "content-type": "application/json",
          [CLIENT_IP_HEADER]: "198.51.100.61",
        },
        body: JSON.stringify({ email: sam.email, password: sam.password }),
      }),
    );
    expect(signIn.status).toBe(200);

    // A journal entry written and read over tRPC's HTTP handler, as the browser does.
    const created = await send(
      mutationRequest(
        "journal.create",
        { idempotencyKey: randomUUID(), mood: 2, body: secretWords },
        { cookie },
      ),
      t.db,
    );
    expect(created.status).toBe(200);
    const listed = await send(queryRequest("journal.list", { limit: 5 }, { cookie }), t.db);
    expect(listed.text).toContain(secretWords);

    await tracer?.flush();
    const spans = spansIn(bodies);

    const create = spans.find((s) => s.name === "journal.create");
    expect(create, "a span named by the procedure's path").toBeDefined();
    expect(attribute(create as OtlpSpan, "rpc.method")).toBe("journal.create");
    expect(spans.some((s) => s.name === "journal.list")).toBe(true);

    const statements = spans
      .map((s) => attribute(s, "db.query.text"))
      .filter((text): text is string => !!text);
    expect(statements.some((text) => /^insert into "journal_entries"/i.test(text))).toBe(true);
    expect(statements.some((text) => /from "users"/i.test(text))).toBe(true);
    // Statements are sent with placeholders: values travel apart, and never here.
    expect(statements.some((text) => text.includes("$1"))).toBe(true);

    const everything = bodies.join("\n");
    for (const secret of [secretWords, sam.email, sam.password, sam.sessionId, cookie]) {
      expect(everything, "a value a person sent").not.toContain(secret);
    }
  });
});
