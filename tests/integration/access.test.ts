import type { AnyProcedure } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { deleteSession } from "@/server/auth/sessions";
import { appRouter, publicProcedurePaths } from "@/server/trpc/root";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, queryRequest, send } from "../helpers/http";
import {
  type Caller,
  callerFor,
  createUser,
  SESSION_COOKIE,
  sessionCookie,
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
