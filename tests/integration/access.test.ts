import { randomUUID } from "node:crypto";
import type { AnyProcedure } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { currentProgram } from "@/lib/program";
import { deleteSession } from "@/server/auth/sessions";
import { isAnswer } from "@/server/trpc/init";
import { appRouter, publicProcedurePaths } from "@/server/trpc/root";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, queryRequest, send } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import {
  type Caller,
  callerFor,
  createUser,
  SESSION_COOKIE,
  sessionCookie,
  signedInUser,
  signIn,
} from "../helpers/users";

const t = setupTestDb();

// Walk the router itself, so a procedure added tomorrow is checked without editing this file.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const allPaths = Object.keys(procedures).sort();
const protectedPaths = allPaths.filter((path) => !publicProcedurePaths.includes(path));

function callByPath(caller: Caller, path: string): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return (node as (input?: unknown) => Promise<unknown>)(undefined);
}

/** The request a browser would send for this procedure, with no input. */
function requestFor(path: string, headers: Record<string, string> = {}): Request {
  const type = procedures[path]?._def.type;
  if (type === "query") return queryRequest(path, undefined, headers);
  if (type === "mutation") return mutationRequest(path, undefined, headers);
  throw new Error(`${path} is a ${type}: teach this test to call it over HTTP.`);
}

describe("the router walk", () => {
  it("finds every procedure, and the public list names only real ones", () => {
    // Lazy routers only list their procedures once loaded; load them here if any appear.
    expect(Object.keys(appRouter._def.lazy)).toEqual([]);
    expect(allPaths).toEqual(expect.arrayContaining(["account.me", "account.updateProfile"]));
    for (const path of publicProcedurePaths) expect(allPaths).toContain(path);
  });
});

describe.each(protectedPaths)("%s", (path) => {
  it("answers UNAUTHORIZED without a session, in-process and over HTTP", async () => {
    const caller = await callerFor(t.db, null);
    await expect(callByPath(caller, path)).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const res = await send(requestFor(path), t.db);
    expect(res.status).toBe(401);
    expect(res.error?.data.code).toBe("UNAUTHORIZED");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers UNAUTHORIZED to a forged cookie and to a signed-out one", async () => {
    const user = await createUser(t.db);
    const sid = await signIn(t.db, user.userId);
    const cookie = await sessionCookie(sid);

    // The same live session id, sealed with a key that is not the server's.
    const forgedJwt = await encode({
      token: { sid },
      secret: "not-the-server-secret-but-long-enough-000000",
      salt: SESSION_COOKIE,
    });
    const forged = await send(requestFor(path, { cookie: `${SESSION_COOKIE}=${forgedJwt}` }), t.db);
    expect(forged.status).toBe(401);

    // The genuine cookie gets past the session check (so the 401s here mean something)...
    const genuine = await send(requestFor(path, { cookie }), t.db);
    expect(genuine.status).not.toBe(401);

    // ...until the session is ended.
    await deleteSession(t.db, sid);
    const revoked = await send(requestFor(path, { cookie }), t.db);
    expect(revoked.status).toBe(401);
  });
});

// ─── What each procedure answers ─────────────────────────────────────────────────────────

/** Column names no page needs: whose row it is, the create's retry key, any stored hash. */
const PRIVATE_FIELD = /^(userId|idempotencyKey|passwordHash|sessionId)$|hash/i;
/** The only answers that carry a token: right after making it, shown once. */
const TOKEN_ANSWERS = ["buddies.create", "reminders.createCalendar"];

/** Every field name an output schema can put in an answer, as "path.to.field". */
function fieldsOf(schema: z.core.$ZodType, at = ""): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, where = at) => fieldsOf(def[key] as z.core.$ZodType, where);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const catchall = (def.catchall as z.core.$ZodType | undefined)?._zod.def.type;
      // A loose object would pass through whatever a query selected.
      if (catchall !== undefined && catchall !== "never") return [`${at}*`];
      return Object.entries(shape).flatMap(([key, s]) => [
        `${at}${key}`,
        ...fieldsOf(s, `${at}${key}.`),
      ]);
    }
    case "array":
      return inner("element", `${at}[].`);
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return inner("innerType");
    case "record":
      return inner("valueType", `${at}{}.`);
    case "union":
      return (def.options as z.core.$ZodType[]).flatMap((o) => fieldsOf(o, at));
    case "pipe":
      return inner("out");
    case "any":
    case "unknown":
    case "custom":
      return [`${at}*`];
    default:
      return [];
  }
}

const outputOf = (path: string) =>
  (procedures[path]?._def as { output?: z.core.$ZodType } | undefined)?.output;

describe("every answer", () => {
  it("is declared: each procedure has an output schema", () => {
    expect(allPaths.filter((path) => !outputOf(path))).toEqual([]);
  });

  it("is checked with zod's compiled parse: each output schema goes through answer()", () => {
    expect(allPaths.filter((path) => !isAnswer(outputOf(path)))).toEqual([]);
  });

  it("names its fields, and none a page has no use for (owner, retry key, hash)", () => {
    const found: string[] = [];
    for (const path of allPaths) {
      const output = outputOf(path);
      if (!output) continue;
      for (const field of fieldsOf(output)) {
        const name = field.split(".").at(-1) ?? "";
        const isToken = name === "token" && !TOKEN_ANSWERS.includes(path);
        if (name.endsWith("*") || PRIVATE_FIELD.test(name) || isToken) {
          found.push(`${path}: ${field}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("of steps.byNumber carries the step, without whose rows they are or their keys", async () => {
    const user = await signedInUser(t.db);
    await startJourney(t.db, user.userId);
    const prompt = currentProgram.steps[0]?.reflectionPrompts[0]?.key ?? "";
    await user.caller.steps.addReflection({
      idempotencyKey: randomUUID(),
      stepNumber: 1,
      promptKey: prompt,
      body: "what I noticed",
    });
    const answer = await user.caller.steps.byNumber({ stepNumber: 1 });
    const text = JSON.stringify(answer);
    expect(text).toContain("what I noticed");
    for (const field of ["userId", "idempotencyKey", "journeyId", user.userId]) {
      expect(text, field).not.toContain(field);
    }
    // The step's journey (as journey.current shows it) and what was done for the step.
    expect(Object.keys(answer).sort()).toEqual([
      "evidence",
      "journey",
      "memories",
      "progress",
      "reflections",
    ]);
  });
});

/** Where an input schema would accept fields it does not name, as "path.to.object". */
function looseObjectsIn(schema: z.core.$ZodType, at = "input"): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, where = at) => looseObjectsIn(def[key] as z.core.$ZodType, where);
  switch (def.type) {
    case "object": {
      const catchall = (def.catchall as z.core.$ZodType | undefined)?._zod.def.type;
      const shape = def.shape as Record<string, z.core.$ZodType>;
      return [
        ...(catchall === "never" ? [] : [at]),
        ...Object.entries(shape).flatMap(([key, s]) => looseObjectsIn(s, `${at}.${key}`)),
      ];
    }
    case "array":
      return inner("element", `${at}[]`);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return inner("innerType");
    case "record":
      return inner("valueType", `${at}{}`);
    case "union":
      return (def.options as z.core.$ZodType[]).flatMap((o) => looseObjectsIn(o, at));
    case "pipe":
      return [...inner("in"), ...inner("out")];
    default:
      return [];
  }
}

describe("every input", () => {
  it("is a strict object: a field it does not name, such as userId, is refused", () => {
    const loose = allPaths.flatMap((path) => {
      const input = (procedures[path]?._def as { inputs?: z.core.$ZodType[] } | undefined)
        ?.inputs?.[0];
      return input ? looseObjectsIn(input).map((where) => `${path}: ${where}`) : [];
    });
    expect(loose).toEqual([]);
  });
});
