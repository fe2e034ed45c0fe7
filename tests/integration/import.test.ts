import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { currentProgram } from "@/lib/program";
import { importFile } from "@/lib/schemas/import";
import { IMPORT_MAX_BYTES } from "@/lib/schemas/plain";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { AppError } from "@/server/errors";
import { exportDoor } from "@/server/http/doors/export";
import { importDoor } from "@/server/http/doors/import";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { LIMITS } from "@/server/limits";
import { sendEncouragement, sendNudge } from "@/server/services/buddies";
import { exportAccount } from "@/server/services/export";
import { ACCOUNT_NOT_EMPTY, importAccount } from "@/server/services/import";
import { arbitraryFromSchema, rekindleFields } from "../helpers/arbitrary";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { APP_ORIGIN, SAME_ORIGIN_HEADERS } from "../helpers/http";
import { type Caller, sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

beforeAll(() => {
  pointEdgeAtDatabase(async () => t.db);
  markServedByRekindle();
});

let lastAddress = 0;
/** An address of its own per request, so only the limit test meets the limit. */
const freshAddress = () => {
  lastAddress += 1;
  return `10.77.${Math.floor(lastAddress / 250) % 250}.${(lastAddress % 250) + 1}`;
};

// ─── A person with something in every part of Rekindle ─────────────────────────────────

const readiness = Object.fromEntries(
  currentProgram.readiness.questions.map((q) => [q.key, "yes" as const]),
);
const safety = Object.fromEntries(currentProgram.safety.questions.map((q) => [q.key, false]));
const step1 = currentProgram.steps[0];

async function startPlan(caller: Caller) {
  await caller.journey.start({
    idempotencyKey: randomUUID(),
    readiness,
    safety,
    situation: {
      breakupDate: "2026-09-01",
      contactLevel: "none",
      exPronouns: "she",
      exName: "Ana",
    },
  });
}

/** An ended plan and one in progress, with entries, contacts, drafts, buddies and settings. */
async function withEverything(person: { userId: string; caller: Caller }) {
  const { caller } = person;
  await startPlan(caller);
  const first = await caller.journey.current();
  await caller.journey.recordOutcome({
    outcome: "moving_on",
    note: "It was time.",
    version: first?.version ?? 1,
  });
  await startPlan(caller);
  await caller.steps.setTask({ stepNumber: 1, taskKey: step1?.tasks[0]?.key ?? "", done: true });
  await caller.steps.addReflection({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    promptKey: step1?.reflectionPrompts[0]?.key ?? "",
    body: "What I'd do differently 🌱",
  });
  await t.db
    .update(schema.stepProgress)
    .set({ status: "open" })
    .where(eq(schema.stepProgress.userId, person.userId));
  await caller.steps.addMemory({ idempotencyKey: randomUUID(), body: "The lake in June" });
  // The longest entry a person may write, with characters outside the basic plane.
  await caller.journal.create({
    idempotencyKey: randomUUID(),
    mood: 2,
    body: `${"a long day ".repeat(1_818)}✨`.slice(0, 20_000),
  });
  await caller.journal.create({
    idempotencyKey: randomUUID(),
    mood: 5,
    stepNumber: 1,
    body: "She laughed at the meme.",
    sharedWithBuddies: true,
  });
  for (const initiator of ["me", "them"] as const) {
    await caller.contacts.create({
      idempotencyKey: randomUUID(),
      occurredAt: "2026-10-01T10:00",
      channel: "text",
      initiator,
      feeling: "good",
      note: `started by ${initiator}`,
    });
  }
  await caller.drafts.create({
    idempotencyKey: randomUUID(),
    stepNumber: 1,
    body: "Hi! Saw this.",
  });
  await caller.activity.checkIn({ mood: 4 });
  await caller.activity.pauseDay({});
  const buddy = await createLink(caller, { scope: "progress_and_journal" });
  const gone = await createLink(caller, { label: "old friend", expiry: "30", showExName: true });
  await caller.buddies.revoke({ id: gone.link.id });
  await sendEncouragement(t.db, buddy.token, { name: "Kim", message: "Proud of you" });
  // A nudge is offered only after days of quiet: sent as if a week later.
  await sendNudge(t.db, buddy.token, new Date(Date.now() + 7 * 86_400_000));
  await caller.reminders.save({
    enabled: true,
    checkInTime: "09:00",
    quietHours: true,
    quietStart: "22:00",
    quietEnd: "07:00",
    email: false,
    version: 0,
  });
  await caller.reminders.dismiss();
  await caller.reminders.createCalendar();
  await caller.account.setDiscreet({ discreet: true });
  await caller.account.setWeekStart({ weekStart: "sunday" });
  return { token: buddy.token };
}

// ─── The doors ──────────────────────────────────────────────────────────────────────────

async function exportOf(sessionId: string): Promise<Record<string, unknown>> {
  const response = await exportDoor()(
    new Request(`${APP_ORIGIN}/api/export`, {
      headers: { cookie: await sessionCookie(sessionId) },
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function importOver(
  sessionId: string | null,
  body: string,
  { now = new Date(), address = freshAddress(), headers = {} as Record<string, string> } = {},
) {
  const response = await importDoor(() => now)(
    new Request(`${APP_ORIGIN}/api/import`, {
      method: "POST",
      headers: {
        ...SAME_ORIGIN_HEADERS,
        "content-type": "application/json",
        [CLIENT_IP_HEADER]: address,
        ...(sessionId ? { cookie: await sessionCookie(sessionId) } : {}),
        ...headers,
      },
      body,
    }),
  );
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as {
      imported?: Record<string, number>;
      formError?: string;
      fieldErrors?: Record<string, string[]>;
    },
  };
}

/** The one field a refusal names, and its sentence. */
function refusedField(body: { fieldErrors?: Record<string, string[]> }) {
  const [entry] = Object.entries(body.fieldErrors ?? {});
  return { field: entry?.[0], message: entry?.[1][0] };
}

// ─── Comparing two exports ──────────────────────────────────────────────────────────────

/** Sections an import leaves behind on purpose (see server/services/import.ts for why). */
const LEFT_BEHIND = ["reminders", "calendarFeeds", "supportedLinks"];

/**
 * An export with its ids replaced by what they point at (a plan's or link's place in the
 * file), the moments that belong to the account rather than the data left out, and every
 * section sorted, so two exports of the same data compare equal whatever ids they got.
 */
function comparable(file: Record<string, unknown>) {
  const names = new Map<string, string>();
  for (const [section, prefix] of [
    ["journeys", "plan"],
    ["buddyLinks", "link"],
  ] as const) {
    const rows = file[section] as { id: string; createdAt: string }[];
    [...rows]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .forEach((row, i) => void names.set(row.id, `${prefix}#${i}`));
  }
  const out: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(file)) {
    if (["exportedAt", "profile", ...LEFT_BEHIND].includes(section)) continue;
    if (!Array.isArray(value)) {
      out[section] = value;
      continue;
    }
    out[section] = value
      .map((row: Record<string, unknown>) => {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          if (k === "id" && !names.has(v as string)) continue;
          copy[k] = typeof v === "string" && names.has(v) ? names.get(v) : v;
        }
        return JSON.stringify(copy);
      })
      .sort();
  }
  const {
    email: _email,
    createdAt: _c,
    updatedAt: _u,
    ...profile
  } = file.profile as Record<string, unknown>;
  out.profile = profile;
  return out;
}

// ─── Tests ──────────────────────────────────────────────────────────────────────────────

describe("importing an export", () => {
  it("brings everything back into a new account: its export equals the first", async () => {
    const first = await signedInUser(t.db, { displayName: "First", email: "first@example.com" });
    await withEverything(first);
    const before = await exportOf(first.sessionId);
    expect((before.journeys as unknown[]).length).toBe(2);

    const fresh = await signedInUser(t.db, { displayName: "New", email: "new@example.com" });
    const at = new Date("2026-11-30T12:00:00.000Z");
    const answer = await importOver(fresh.sessionId, JSON.stringify(before), { now: at });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.imported).toMatchObject({
      journeys: 2,
      journalEntries: 2,
      contacts: 2,
      drafts: 1,
      buddyLinks: 2,
      encouragements: 2,
    });

    const after = await exportOf(fresh.sessionId);
    // The link that was live comes back switched off, at the moment of the import.
    const links = before.buddyLinks as { revokedAt: string | null }[];
    const expected = comparable({
      ...before,
      buddyLinks: links.map((l) => ({ ...l, revokedAt: l.revokedAt ?? at.toISOString() })),
    });
    expect(comparable(after)).toEqual(expected);
    // What stays with the account: its own address; what is left behind: secrets and jobs.
    expect((after.profile as { email: string }).email).toBe("new@example.com");
    expect(after.profile).toMatchObject({
      displayName: "First",
      discreet: true,
      weekStart: "sunday",
    });
    for (const section of LEFT_BEHIND) expect(after[section], section).toEqual([]);

    // Every row is the new account's own, with ids of its own.
    const oldIds = new Set(
      Object.values(before)
        .filter(Array.isArray)
        .flat()
        .map((row) => (row as { id?: string }).id)
        .filter(Boolean),
    );
    const newIds = Object.values(after)
      .filter(Array.isArray)
      .flat()
      .map((row) => (row as { id?: string }).id)
      .filter(Boolean);
    expect(newIds.length).toBeGreaterThan(5);
    for (const id of newIds) expect(oldIds.has(id)).toBe(false);
  });

  it("leaves old buddy links dead: the old token opens nothing in the new account", async () => {
    const first = await signedInUser(t.db);
    const { token } = await withEverything(first);
    const file = await exportOf(first.sessionId);
    // The first account goes, as when someone moves away for good.
    await t.db.delete(schema.users).where(eq(schema.users.id, first.userId));
    const fresh = await signedInUser(t.db);
    expect((await importOver(fresh.sessionId, JSON.stringify(file))).status).toBe(200);
    await expect(sendEncouragement(t.db, token, { message: "hello?" })).rejects.toThrow();
    const links = await fresh.caller.buddies.list();
    expect(links.map((l) => l.status)).toEqual(["revoked", "revoked"]);
  });
});

describe("refusals", () => {
  it("refuses an account that already has data, and changes nothing in it", async () => {
    const first = await signedInUser(t.db);
    await withEverything(first);
    const file = JSON.stringify(await exportOf(first.sessionId));

    const busy = await signedInUser(t.db, { displayName: "Busy" });
    await busy.caller.journal.create({ idempotencyKey: randomUUID(), mood: 3, body: "mine" });
    const before = await exportOf(busy.sessionId);
    const answer = await importOver(busy.sessionId, file);
    expect(answer.status).toBe(409);
    expect(answer.body.formError).toBe(ACCOUNT_NOT_EMPTY);
    const after = await exportOf(busy.sessionId);
    expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });
  });

  it("imports once when the same file is sent twice at the same moment", async () => {
    const first = await signedInUser(t.db);
    await withEverything(first);
    const file = await exportOf(first.sessionId);
    const fresh = await signedInUser(t.db);
    const input = JSON.parse(JSON.stringify(file));
    const results = await Promise.allSettled([
      importAccount(t.db, { userId: fresh.userId }, input),
      importAccount(t.db, { userId: fresh.userId }, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const after = await exportOf(fresh.sessionId);
    expect((after.journalEntries as unknown[]).length).toBe(2);
    expect((after.journeys as unknown[]).length).toBe(2);
  });

  it("names the field for another file, another version, bad JSON and a too-long entry", async () => {
    const first = await signedInUser(t.db);
    await withEverything(first);
    const file = await exportOf(first.sessionId);
    const fresh = await signedInUser(t.db);
    const entries = file.journalEntries as Record<string, unknown>[];
    const cases: [string, string, RegExp][] = [
      ["not JSON {", "file", /could not be read as JSON/],
      ["[1, 2]", "file", /isn't an export from this app/],
      [JSON.stringify({ ...file, format: "other-app" }), "format", /isn't an export from this app/],
      [JSON.stringify({ ...file, version: 2 }), "version", /version 2.*reads version 1/],
      [
        JSON.stringify({
          ...file,
          journalEntries: [{ ...entries[0], body: "x".repeat(20_001) }],
        }),
        "journalEntries.0.body",
        /^Journal entry 1 in the file: Please keep your entry under 20,000 characters/,
      ],
      [
        JSON.stringify({
          ...file,
          contacts: [{ ...(file.contacts as object[])[0], journeyId: randomUUID() }],
        }),
        "contacts.0.journeyId",
        /plan that isn't in the file/,
      ],
      [
        JSON.stringify({
          ...file,
          profile: { ...(file.profile as object), timeZone: "Mars/Base" },
        }),
        "profile.timeZone",
        /time zone/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const answer = await importOver(fresh.sessionId, body);
      expect(answer.status, field).toBe(400);
      const refused = refusedField(answer.body);
      expect(refused.field).toBe(field);
      expect(refused.message).toMatch(message);
    }
    // None of them wrote anything: the account is still empty and takes the real file, even
    // one made before the week's start could be chosen.
    const { weekStart: _made, ...older } = file.profile as Record<string, unknown>;
    const answer = await importOver(fresh.sessionId, JSON.stringify({ ...file, profile: older }));
    expect(answer.status).toBe(200);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const fresh = await signedInUser(t.db);
    const huge = `{"format":"rekindle-export","pad":"${"x".repeat(IMPORT_MAX_BYTES)}"}`;
    // Without a stated length too: the door counts what arrives.
    const answer = await importOver(fresh.sessionId, huge);
    expect(answer.status).toBe(400);
    expect(refusedField(answer.body)).toEqual({
      field: "file",
      message: "This file is larger than an import can be (16 MB).",
    });
  });
});

describe("access", () => {
  it("needs a session, a same-origin page and JSON", async () => {
    const fresh = await signedInUser(t.db);
    expect((await importOver(null, "{}")).status).toBe(401);
    const cross = await importOver(fresh.sessionId, "{}", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(cross.status).toBe(403);
    const form = await importOver(fresh.sessionId, "{}", {
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(400);
  });

  it("writes only into the signed-in account: another's file and ids change nothing of theirs", async () => {
    const owner = await signedInUser(t.db, { displayName: "Owner" });
    await withEverything(owner);
    const ownersFile = await exportOf(owner.sessionId);
    const other = await signedInUser(t.db, { displayName: "Other" });
    const answer = await importOver(other.sessionId, JSON.stringify(ownersFile));
    expect(answer.status).toBe(200);
    // The answer carries counts, never anyone's rows.
    expect(Object.keys(answer.body)).toEqual(["imported"]);
    const ownersAfter = await exportOf(owner.sessionId);
    expect({ ...ownersAfter, exportedAt: null }).toEqual({ ...ownersFile, exportedAt: null });
    // The owner's account now has data, so nobody can import into it either.
    const again = await importOver(owner.sessionId, JSON.stringify(ownersFile));
    expect(again.status).toBe(409);
  });

  it("is rate limited per address, with a wait", async () => {
    const fresh = await signedInUser(t.db);
    const address = freshAddress();
    for (let i = 0; i < LIMITS.accountImport.points; i++) {
      expect((await importOver(fresh.sessionId, "[]", { address })).status).toBe(400);
    }
    const limited = await importOver(fresh.sessionId, "[]", { address });
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  });
});

describe("fuzz", () => {
  it("answers any file built from the schema, or a real one with one part changed, with a refusal or an import", async () => {
    const owner = await signedInUser(t.db);
    await withEverything(owner);
    const real = JSON.parse(JSON.stringify(await exportAccount(t.db, { userId: owner.userId })));
    const fresh = await signedInUser(t.db);
    const paths: string[][] = [];
    const walkPaths = (v: unknown, at: string[]) => {
      if (v && typeof v === "object") {
        for (const [k, child] of Object.entries(v)) walkPaths(child, [...at, k]);
      }
      if (at.length > 0) paths.push(at);
    };
    walkPaths(real, []);
    const changed = fc.tuple(fc.constantFrom(...paths), fc.anything()).map(([path, value]) => {
      const copy = structuredClone(real);
      let node = copy;
      for (const k of path.slice(0, -1)) node = node[k];
      node[path.at(-1) as string] = value;
      return copy as unknown;
    });
    const generated = arbitraryFromSchema(importFile, { fields: rekindleFields });
    await fc.assert(
      fc.asyncProperty(fc.oneof(changed, generated), async (input) => {
        try {
          await importAccount(t.db, { userId: fresh.userId }, input);
          // An import that went in is undone, so the next run meets an empty account again.
          await t.db.delete(schema.journeys).where(eq(schema.journeys.userId, fresh.userId));
          for (const table of [
            schema.journalEntries,
            schema.checkIns,
            schema.pauseDays,
            schema.buddyLinks,
            schema.reminderSettings,
          ]) {
            await t.db.delete(table).where(eq(table.userId, fresh.userId));
          }
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).code).toBe("BAD_REQUEST");
        }
      }),
      { numRuns: 60 },
    );
  });
});
