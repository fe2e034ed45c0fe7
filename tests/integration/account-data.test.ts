import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { pgSchema, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { currentProgram } from "@/lib/program";
import { hashSessionId } from "@/server/auth/sessions";
import { exportDoor } from "@/server/http/doors/export";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { checkCredentials } from "@/server/services/account";
import { buddyView, liveLink, sendEncouragement } from "@/server/services/buddies";
import { NOT_EXPORTED } from "@/server/services/export";
import { hashToken } from "@/server/tokens";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, send } from "../helpers/http";
import { type Caller, callerFor, sessionCookie, signedInUser, signIn } from "../helpers/users";

const t = setupTestDb();

// ─── Reading the schema ─────────────────────────────────────────────────────────────────

const info = pgSchema("information_schema");
const tableConstraints = info.table("table_constraints", {
  constraintSchema: text("constraint_schema").notNull(),
  constraintName: text("constraint_name").notNull(),
  constraintType: text("constraint_type").notNull(),
  tableSchema: text("table_schema").notNull(),
});
const keyColumnUsage = info.table("key_column_usage", {
  constraintSchema: text("constraint_schema").notNull(),
  constraintName: text("constraint_name").notNull(),
  tableName: text("table_name").notNull(),
  columnName: text("column_name").notNull(),
});
const constraintColumnUsage = info.table("constraint_column_usage", {
  constraintSchema: text("constraint_schema").notNull(),
  constraintName: text("constraint_name").notNull(),
  tableName: text("table_name").notNull(),
  columnName: text("column_name").notNull(),
});
const infoColumns = info.table("columns", {
  tableSchema: text("table_schema").notNull(),
  tableName: text("table_name").notNull(),
  columnName: text("column_name").notNull(),
});

/** Column names that say "the user who owns this row", with or without a foreign key. */
const OWNER_NAMES = ["user_id", "owner_id", "supporter_id"];

interface OwnerColumn {
  table: string;
  column: string;
}

/**
 * Every column in the database that points at a user: each foreign key to users.id, and
 * each column named like an owner. Read from the live schema, so a table added tomorrow
 * is in this list without anyone editing this file.
 */
async function ownerColumns(): Promise<OwnerColumn[]> {
  const byForeignKey = await t.db
    .selectDistinct({ table: keyColumnUsage.tableName, column: keyColumnUsage.columnName })
    .from(tableConstraints)
    .innerJoin(
      keyColumnUsage,
      and(
        eq(keyColumnUsage.constraintSchema, tableConstraints.constraintSchema),
        eq(keyColumnUsage.constraintName, tableConstraints.constraintName),
      ),
    )
    .innerJoin(
      constraintColumnUsage,
      and(
        eq(constraintColumnUsage.constraintSchema, tableConstraints.constraintSchema),
        eq(constraintColumnUsage.constraintName, tableConstraints.constraintName),
      ),
    )
    .where(
      and(
        eq(tableConstraints.tableSchema, "public"),
        eq(tableConstraints.constraintType, "FOREIGN KEY"),
        eq(constraintColumnUsage.tableName, "users"),
        eq(constraintColumnUsage.columnName, "id"),
      ),
    );
  const byName = (
    await t.db
      .select({ table: infoColumns.tableName, column: infoColumns.columnName })
      .from(infoColumns)
      .where(eq(infoColumns.tableSchema, "public"))
  ).filter((c) => OWNER_NAMES.includes(c.column));
  const all = new Map<string, OwnerColumn>();
  for (const c of [...byForeignKey, ...byName]) all.set(`${c.table}.${c.column}`, c);
  return [...all.values()].sort((a, b) =>
    `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`),
  );
}

async function columnsOf(table: string): Promise<string[]> {
  const rows = await t.db
    .select({ column: infoColumns.columnName })
    .from(infoColumns)
    .where(and(eq(infoColumns.tableSchema, "public"), eq(infoColumns.tableName, table)));
  return rows.map((r) => r.column).sort();
}

/** How many rows of `table` name `userId` in `column`. */
async function rowsNaming({ table, column }: OwnerColumn, userId: string): Promise<number> {
  const view = pgTable(table, { owner: uuid(column) });
  const [row] = await t.db.select({ n: count() }).from(view).where(eq(view.owner, userId));
  return row?.n ?? 0;
}

async function countsFor(userId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await ownerColumns()) out[`${c.table}.${c.column}`] = await rowsNaming(c, userId);
  return out;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Tables with an owner column that the export leaves out on purpose, and why. Anything
 * else with an owner column must be in the file.
 */
const NOT_IN_EXPORT: Record<string, string> = {
  sessions: "sign-in keys, not something the person wrote",
  password_resets: "one-time sign-in links, not something the person wrote",
  push_subscriptions: "a device's secret push address and keys, not something the person wrote",
  push_messages: "buddies' notes waiting a moment to be pushed; the notes are in the file",
};

/**
 * Tables the export shapes on purpose, and the keys each row carries instead of its
 * columns: a buddy's e-mail address is theirs, so only that they subscribed is exported.
 */
const SHAPED_IN_EXPORT: Record<string, string[]> = {
  buddy_subscriptions: ["confirmedAt", "linkId", "subscription"],
};

// ─── A person with something in every table ─────────────────────────────────────────────

const readiness = Object.fromEntries(
  currentProgram.readiness.questions.map((q) => [q.key, "yes" as const]),
);
const safety = Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false]));

async function withEverything(person: { userId: string; caller: Caller }, marker: string) {
  const { caller } = person;
  await caller.journey.start({
    idempotencyKey: randomUUID(),
    readiness,
    safety,
    situation: { breakupDate: "2026-09-01", contactLevel: "none", exPronouns: "she" },
  });
  const step1 = currentProgram.steps[0];
  await caller.steps.setTask({ stepNumber: 1, taskKey: step1?.tasks[0]?.key ?? "", done: true });
  await caller.steps.addReflection({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    promptKey: step1?.reflectionPrompts[0]?.key ?? "",
    body: `private reflection ${marker}`,
  });
  // Step 4 holds the memories: open it by writing straight to the table.
  await t.db
    .update(schema.stepProgress)
    .set({ status: "open" })
    .where(eq(schema.stepProgress.userId, person.userId));
  await caller.steps.addMemory({ idempotencyKey: randomUUID(), body: `private memory ${marker}` });
  await caller.journal.create({
    idempotencyKey: randomUUID(),
    mood: 3,
    body: `private entry ${marker}`,
  });
  await caller.contacts.create({
    idempotencyKey: randomUUID(),
    occurredAt: "2026-10-01T10:00",
    channel: "text",
    initiator: "me",
    feeling: "good",
    note: `private note ${marker}`,
  });
  await caller.drafts.create({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    body: `private draft ${marker}`,
  });
  await caller.activity.checkIn({ mood: 4 });
  await caller.activity.pauseDay({});
  const buddy = await createLink(caller, {
    label: `buddy ${marker}`,
    scope: "progress_and_journal",
  });
  await sendEncouragement(t.db, buddy.token, { message: `private encouragement ${marker}` });
  // A buddy who confirmed e-mail updates on the link: their address is theirs, not the owner's.
  await t.db.insert(schema.buddySubscriptions).values({
    linkId: buddy.link.id,
    userId: person.userId,
    email: `buddy-${marker}@example.net`,
    confirmTokenHash: hashToken(`confirm ${marker} ${randomUUID()}`),
    stopTokenHash: hashToken(`stop ${marker} ${randomUUID()}`),
    confirmedAt: new Date(),
  });
  await caller.reminders.save({
    enabled: true,
    checkInTime: "09:00",
    quietHours: false,
    quietStart: "22:00",
    quietEnd: "07:00",
    email: false,
    version: 0,
  });
  // Closing today's notice makes today's reminder row.
  await caller.reminders.dismiss();
  await caller.reminders.createCalendar();
  return { token: buddy.token, linkId: buddy.link.id };
}

/** Two people with everything, each keeping the other's buddy link under "People you support". */
async function twoPeople() {
  const owner = await signedInUser(t.db, { displayName: "Owner", email: "owner@example.com" });
  const other = await signedInUser(t.db, { displayName: "Other", email: "other@example.com" });
  const mine = await withEverything(owner, "owner");
  const theirs = await withEverything(other, "other");
  await owner.caller.supporting.save({ token: theirs.token });
  await other.caller.supporting.save({ token: mine.token });
  return { owner, other, mine, theirs };
}

/** GET /api/export through its door, on the given database and clock. */
function handleExportRequest(req: Request, getDb: () => Promise<Db>, now = new Date()) {
  pointEdgeAtDatabase(getDb);
  return exportDoor(() => now)(req).finally(() => pointEdgeAtDatabase(async () => t.db));
}

async function exportOverHttp(sessionId: string | null, now?: Date) {
  const headers: Record<string, string> = sessionId
    ? { cookie: await sessionCookie(sessionId) }
    : {};
  return handleExportRequest(
    new Request("http://localhost:3000/api/export", { headers }),
    async () => t.db,
    now,
  );
}

/** Every key of every object inside `value`, however deep. */
function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}

// ─── Export ─────────────────────────────────────────────────────────────────────────────

describe("the export", () => {
  it("holds every row of every table the person owns, with every column but the listed few", async () => {
    const { owner } = await twoPeople();
    const res = await exportOverHttp(owner.sessionId);
    expect(res.status).toBe(200);
    const file = (await res.json()) as Record<string, unknown>;
    expect(file).toMatchObject({ format: "rekindle-export", version: 1 });

    const owned = await ownerColumns();
    const tables = [...new Set(owned.map((c) => c.table))].filter((n) => !(n in NOT_IN_EXPORT));
    // The schema really was read: the tables everyone knows are in the list.
    expect(tables).toEqual(expect.arrayContaining(["journal_entries", "supported_links"]));
    const ownerKeys = new Set(owned.map((c) => camel(c.column)));

    for (const table of tables) {
      const rows = file[camel(table)];
      expect(Array.isArray(rows), `${table} is missing from the export`).toBe(true);
      const ownerColumn = owned.find((c) => c.table === table) as OwnerColumn;
      const inDatabase = await rowsNaming(ownerColumn, owner.userId);
      // The seed above must reach every table, or this check proves nothing for it.
      expect(inDatabase, `seed a row in ${table} in withEverything()`).toBeGreaterThan(0);
      expect((rows as unknown[]).length, table).toBe(inDatabase);

      const expected =
        SHAPED_IN_EXPORT[table] ??
        (await columnsOf(table))
          .map(camel)
          .filter((k) => !ownerKeys.has(k) && !(NOT_EXPORTED as readonly string[]).includes(k))
          .sort();
      for (const row of rows as Record<string, unknown>[]) {
        expect(Object.keys(row).sort(), table).toEqual(expected);
      }
    }

    const profileKeys = (await columnsOf("users"))
      .map(camel)
      .filter((k) => k !== "id" && !(NOT_EXPORTED as readonly string[]).includes(k))
      .sort();
    expect(Object.keys(file.profile as object).sort()).toEqual(profileKeys);
    expect(file.profile).toMatchObject({ email: "owner@example.com", displayName: "Owner" });
  });

  it("carries the person's own words and none of anyone else's", async () => {
    const { owner } = await twoPeople();
    const text = await (await exportOverHttp(owner.sessionId)).text();
    for (const word of ["reflection", "memory", "entry", "note", "draft", "encouragement"]) {
      expect(text).toContain(`private ${word} owner`);
      expect(text).not.toContain(`private ${word} other`);
    }
    expect(text).toContain("buddy owner");
    expect(text).not.toContain("buddy other");
    expect(text).not.toContain("other@example.com");
    expect(text).toContain("a buddy subscribed");
    expect(text).not.toContain("buddy-owner@example.net");
  });

  it("holds no secret: no password hash, no token or its hash, no session", async () => {
    const { owner, mine } = await twoPeople();
    const phone = await signIn(t.db, owner.userId);
    const text = await (await exportOverHttp(owner.sessionId)).text();

    const [user] = await t.db
      .select({ passwordHash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.id, owner.userId));
    const links = await t.db
      .select({ tokenHash: schema.buddyLinks.tokenHash })
      .from(schema.buddyLinks);
    const sessions = await t.db.select().from(schema.sessions);
    const secrets = [
      owner.password,
      user?.passwordHash ?? "missing",
      mine.token,
      hashToken(mine.token),
      ...links.map((l) => l.tokenHash),
      owner.sessionId,
      phone,
      hashSessionId(owner.sessionId),
      hashSessionId(phone),
      ...sessions.map((s) => s.id),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const keys = [...keysIn(JSON.parse(text))];
    expect(keys.filter((k) => /hash|token|secret|password|session/i.test(k))).toEqual([]);
  });

  it("downloads as a dated JSON attachment that no cache keeps", async () => {
    const sam = await signedInUser(t.db);
    await sam.caller.account.updateProfile({
      displayName: "Sam",
      timeZone: "Pacific/Auckland",
      version: 1,
    });
    // Still the 26th in London, already the 27th in Auckland.
    const res = await exportOverHttp(sam.sessionId, new Date("2026-11-26T20:00:00Z"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="rekindle-export-2026-11-27.json"',
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const file = (await res.json()) as Record<string, unknown>;
    expect(file.exportedAt).toBe("2026-11-26T20:00:00.000Z");
    expect(file.journalEntries).toEqual([]);
  });

  it("answers 401 in JSON without a session, with a forged one, and with an ended one", async () => {
    const sam = await signedInUser(t.db);
    const signedOut = await signedInUser(t.db);
    await signedOut.caller.account.signOutEverywhere();
    const answers = [
      await exportOverHttp(null),
      await handleExportRequest(
        new Request("http://localhost:3000/api/export", {
          headers: { cookie: "authjs.session-token=forged" },
        }),
        async () => t.db,
      ),
      await exportOverHttp(signedOut.sessionId),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(await res.json()).toEqual({
        error: { message: "Please sign in to download your data." },
      });
    }
    expect((await exportOverHttp(sam.sessionId)).status).toBe(200);
  });

  it("says to try again when the database can't be reached", async () => {
    const res = await handleExportRequest(
      new Request("http://localhost:3000/api/export"),
      async () => {
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      },
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { message: "We could not reach our database just now. Please try again in a moment." },
    });
  });
});

// ─── Deleting the account ───────────────────────────────────────────────────────────────

describe("deleting the account", () => {
  it("refuses a wrong password on its field, and deletes nothing", async () => {
    const { owner } = await twoPeople();
    const before = await countsFor(owner.userId);
    const cookie = await sessionCookie(owner.sessionId);
    const deleteWith = async (password: string) =>
      send(mutationRequest("account.deleteAccount", { password }, { cookie }), t.db);

    const wrong = await deleteWith(`${owner.password}x`);
    expect(wrong.status).toBe(400);
    expect(wrong.error?.data.fieldErrors).toEqual({
      password: ["That password isn't right. Please check it and try again."],
    });
    const empty = await deleteWith("");
    expect(empty.status).toBe(400);
    expect(empty.error?.data.fieldErrors).toEqual({ password: ["Please enter your password."] });
    expect(await countsFor(owner.userId)).toEqual(before);
    expect(await owner.caller.account.me()).toMatchObject({ email: owner.email });
  });

  it("removes every row that names the person, in every table, and nobody else's", async () => {
    const { owner, other, mine, theirs } = await twoPeople();
    const phone = await signIn(t.db, owner.userId);
    const owned = await ownerColumns();
    const before = await countsFor(owner.userId);
    const othersBefore = await countsFor(other.userId);
    // Everything the export holds, and the sessions, were there to delete.
    for (const c of owned.filter((c) => !(c.table in NOT_IN_EXPORT) || c.table === "sessions")) {
      expect(before[`${c.table}.${c.column}`], `${c.table}.${c.column}`).toBeGreaterThan(0);
    }

    expect(await owner.caller.account.deleteAccount({ password: owner.password })).toEqual({
      deleted: true,
    });

    const after = await countsFor(owner.userId);
    expect(
      Object.values(after).every((n) => n === 0),
      JSON.stringify(after),
    ).toBe(true);
    expect(await t.db.$count(schema.users, eq(schema.users.id, owner.userId))).toBe(0);
    // The other person keeps everything, but for their saved copy of the link that died.
    expect(await countsFor(other.userId)).toEqual({
      ...othersBefore,
      "supported_links.supporter_id": (othersBefore["supported_links.supporter_id"] ?? 0) - 1,
    });
    expect(await other.caller.supporting.list()).toEqual([]);
    expect(await liveLink(t.db, theirs.token, new Date())).not.toBeNull();

    // Every device is signed out: in-process, over tRPC's HTTP path, and on the export.
    for (const sid of [owner.sessionId, phone]) {
      await expect((await callerFor(t.db, sid)).account.me()).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      expect((await exportOverHttp(sid)).status).toBe(401);
    }
    // The buddy link is dead for reading and writing alike (its page answers 404).
    expect(await liveLink(t.db, mine.token, new Date())).toBeNull();
    expect(await buddyView(t.db, mine.token)).toBeNull();
    await expect(sendEncouragement(t.db, mine.token, { message: "hi" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // And the address can't sign in any more.
    expect(await checkCredentials(t.db, owner.email, owner.password)).toBeNull();
    expect(await other.caller.account.me()).toMatchObject({ email: "other@example.com" });
  });

  it("is all or nothing: a failure at the last step leaves every row in place", async () => {
    const { owner, mine } = await twoPeople();
    const before = await countsFor(owner.userId);
    // The user row is deleted last, after the sessions and links: make that step fail.
    await t.db.execute(sql`
      create function refuse_user_delete() returns trigger language plpgsql as $$
      begin raise exception 'refused for this test'; end $$`);
    await t.db.execute(sql`
      create trigger refuse_user_delete before delete on users
      for each row execute function refuse_user_delete()`);
    onTestFinished(async () => {
      await t.db.execute(sql`drop trigger if exists refuse_user_delete on users`);
      await t.db.execute(sql`drop function if exists refuse_user_delete()`);
    });

    await expect(
      owner.caller.account.deleteAccount({ password: owner.password }),
    ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await countsFor(owner.userId)).toEqual(before);
    expect(await owner.caller.account.me()).toMatchObject({ email: owner.email });
    expect(await liveLink(t.db, mine.token, new Date())).not.toBeNull();
  });

  it("leaves the address free for a new account", async () => {
    const sam = await signedInUser(t.db, { email: "sam@example.com" });
    await sam.caller.account.deleteAccount({ password: sam.password });
    const again = await signedInUser(t.db, { email: "sam@example.com" });
    expect(again.userId).not.toBe(sam.userId);
    expect(await again.caller.journal.list({})).toMatchObject({ items: [] });
  });
});
