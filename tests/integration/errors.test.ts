import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { type Db, postgresDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { log } from "@/server/log";
import { createContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, queryRequest, send } from "../helpers/http";
import { sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

/** Collects what the logger writes, exactly as it would reach the log. */
function captureLog(): string[] {
  const stream = (log as unknown as Record<symbol, { write(line: string): boolean }>)[
    pino.symbols.streamSym
  ];
  if (!stream) throw new Error("pino's destination stream was not found");
  const lines: string[] = [];
  const level = log.level;
  log.level = "info";
  onTestFinished(() => {
    log.level = level;
  });
  vi.spyOn(stream, "write").mockImplementation((line: string) => {
    lines.push(line);
    return true;
  });
  return lines;
}

/** A database whose every query fails with `error`, as a driver would fail it. */
function failingDb(error: Error): Db {
  const fail = () => {
    throw error;
  };
  return new Proxy(t.db, {
    get: (target, prop, receiver) =>
      ["select", "insert", "update", "delete", "execute", "transaction"].includes(String(prop))
        ? fail
        : Reflect.get(target, prop, receiver),
  });
}

/** A caller whose session was checked on the real database, then queries through `db`. */
async function callerWith(db: Db) {
  const user = await signedInUser(t.db);
  const ctx = await createContext({ db: t.db, sessionId: user.sessionId });
  return createCaller({ ...ctx, db });
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const GENERIC =
  /^Something went wrong on our side\. Please try again\. \(Reference: ([0-9a-f]{8})\)$/;

describe("an unexpected error", () => {
  it("reaches the caller as INTERNAL_SERVER_ERROR with an id, never the database's words", async () => {
    const lines = captureLog();
    const dbError = Object.assign(new Error('relation "users" does not exist'), { code: "42P01" });
    const caller = await callerWith(failingDb(dbError));

    const error = await rejection(caller.account.me());
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toMatch(/relation|users|42P01/);
    const errorId = (error as TRPCError & { errorId?: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);

    // The log keeps what is needed to find the bug, under the same id.
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({
      errorId,
      path: "account.me",
      msg: "unexpected error",
      error: { message: 'relation "users" does not exist', code: "42P01" },
    });
  });

  it("over HTTP (a real constraint violation) answers 500 with a reference and hides SQL, tables and data", async () => {
    await t.db.execute(
      sql.raw(
        "alter table users add constraint test_forbidden_name check (display_name <> 'Forbidden Name')",
      ),
    );
    onTestFinished(async () => {
      await t.db.execute(sql.raw("alter table users drop constraint test_forbidden_name"));
    });
    const robin = await signedInUser(t.db, { email: "robin@example.com", displayName: "Robin" });
    const [{ passwordHash } = { passwordHash: "" }] = await t.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, robin.userId));
    const lines = captureLog();

    const res = await send(
      mutationRequest(
        "account.updateProfile",
        { displayName: "Forbidden Name", timeZone: "UTC", version: 1 },
        { cookie: await sessionCookie(robin.sessionId) },
      ),
      t.db,
    );

    expect(res.status).toBe(500);
    expect(res.error?.data.code).toBe("INTERNAL_SERVER_ERROR");
    const reference = res.error?.message.match(GENERIC)?.[1];
    expect(reference, res.error?.message).toBeDefined();
    expect(res.error?.data.errorId).toBe(reference);
    for (const secret of [
      "users",
      "relation",
      "constraint",
      "test_forbidden_name",
      "display_name",
      'update "',
      "23514",
      "Forbidden Name",
      "robin@example.com",
      "argon2",
    ]) {
      expect(res.text, `the response contains ${secret}`).not.toContain(secret);
    }

    // The log has the id and the kind of failure, but neither the input nor the row.
    const logged = lines.join("\n");
    expect(logged).toContain(reference);
    expect(logged).toContain("test_forbidden_name");
    for (const secret of ["Forbidden Name", "robin@example.com", passwordHash.slice(-20)]) {
      expect(logged, `the log contains ${secret}`).not.toContain(secret);
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, robin.userId));
    expect(row).toMatchObject({ displayName: "Robin", version: 1 });
  });
});

describe("an unexpected error while checking the session", () => {
  it("is hidden behind a reference too, and logged under it", async () => {
    const robin = await signedInUser(t.db);
    const cookie = await sessionCookie(robin.sessionId);
    const lines = captureLog();
    const broken = failingDb(
      Object.assign(new Error('relation "sessions" does not exist'), { code: "42P01" }),
    );

    const res = await send(queryRequest("account.me", undefined, { cookie }), broken);
    expect(res.status).toBe(500);
    const reference = res.error?.message.match(GENERIC)?.[1];
    expect(reference, res.error?.message).toBeDefined();
    expect(res.text).not.toMatch(/sessions|relation|42P01/);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      errorId: reference,
      path: "createContext",
      error: { code: "42P01" },
    });
  });
});

describe("a lost database", () => {
  it("is SERVICE_UNAVAILABLE with 'try again' when a query fails to connect", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    const caller = await callerWith(failingDb(refused));
    const error = await rejection(caller.account.me());
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(/try again/);
    expect(error.message).not.toContain("5432");
  });

  describe("for real (a PostgreSQL server that is not there)", () => {
    const gone = () => {
      const database = postgresDatabase("postgres://postgres@127.0.0.1:1/nowhere", 1);
      onTestFinished(() => database.close());
      return database.db;
    };

    it("answers SERVICE_UNAVAILABLE in a procedure", async () => {
      const caller = await callerWith(gone());
      const error = await rejection(
        caller.account.updateProfile({ displayName: "Offline", timeZone: "UTC", version: 1 }),
      );
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).toMatch(/Nothing was saved; please try again/);
    });

    it("answers 503 'try again' over HTTP, also when the session check is what fails", async () => {
      const robin = await signedInUser(t.db);
      const cookie = await sessionCookie(robin.sessionId);
      for (const req of [
        queryRequest("account.me", undefined, { cookie }),
        mutationRequest("account.signOutEverywhere", undefined, { cookie }),
      ]) {
        const res = await send(req, gone());
        expect(res.status).toBe(503);
        expect(res.error?.message).toMatch(/try again/);
      }
      const unreachable = await send(queryRequest("account.me", undefined, { cookie }), () =>
        Promise.reject(new Error("connect ECONNREFUSED")),
      );
      expect(unreachable.status).toBe(503);
    });
  });
});
