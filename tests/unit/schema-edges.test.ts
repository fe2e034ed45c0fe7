import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as account from "@/lib/schemas/account";
import * as activity from "@/lib/schemas/activity";
import * as buddies from "@/lib/schemas/buddies";
import { calendarDay, INT4_MAX, pageCursor, storable, VERSION_MAX } from "@/lib/schemas/common";
import * as contacts from "@/lib/schemas/contacts";
import * as drafts from "@/lib/schemas/drafts";
import * as journal from "@/lib/schemas/journal";
import * as journey from "@/lib/schemas/journey";
import * as reminders from "@/lib/schemas/reminders";
import * as steps from "@/lib/schemas/steps";
import * as supporting from "@/lib/schemas/supporting";
import { isDay } from "@/lib/stats/days";
import { arbitraryFromSchema, rekindleFields } from "../helpers/arbitrary";

/**
 * What the input schemas accept must be something PostgreSQL can hold: a day that exists,
 * an integer that fits int4, text without U+0000. These found a 500 each before.
 */

const situation = { contactLevel: "none", exPronouns: "she" } as const;
const messagesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("calendar dates", () => {
  it.each(["2026-02-30", "2026-04-31", "2025-02-29", "2026-13-01", "2026-00-10"])(
    "a breakup on %s is refused, not rolled over",
    (breakupDate) => {
      const result = journey.situation.safeParse({ ...situation, breakupDate });
      expect(messagesOf(result)).toEqual([expect.stringMatching(/^breakupDate: .*date/)]);
    },
  );

  it.each(["2026-02-28", "2028-02-29", "2026-04-30"])("a breakup on %s is accepted", (day) => {
    expect(journey.situation.safeParse({ ...situation, breakupDate: day }).success).toBe(true);
  });

  it.each([
    "2026-13-01T00:00:00.000000Z",
    "2026-02-30T10:00:00.000000Z",
    "2026-01-01T24:00:00.000000Z",
    "2026-01-01T10:60:00.000000Z",
  ])("a paging cursor at %s is refused", (at) => {
    const cursor = `${at}_${randomUUID()}`;
    expect(pageCursor.safeParse(cursor).success).toBe(false);
    expect(journal.listJournalInput.safeParse({ cursor }).success).toBe(false);
    expect(contacts.listContactsInput.safeParse({ cursor }).success).toBe(false);
  });

  it("a cursor the server writes is accepted", () => {
    expect(pageCursor.safeParse(`2026-09-14T18:30:00.123456Z_${randomUUID()}`).success).toBe(true);
  });

  it("a link's last day is at most two years away, and says so on the field", () => {
    const input = {
      idempotencyKey: randomUUID(),
      label: "forever",
      scope: "progress",
      expiry: { date: "9999-12-31" },
    };
    const result = buddies.createBuddyLinkInput.safeParse(input);
    expect(messagesOf(result)).toEqual([
      "expiry.date: Please choose a date within the next two years.",
    ]);
    const soon = new Date(Date.now() + 600 * 86_400_000).toISOString().slice(0, 10);
    expect(
      buddies.createBuddyLinkInput.safeParse({ ...input, expiry: { date: soon } }).success,
    ).toBe(true);
    expect(
      buddies.createBuddyLinkInput.safeParse({ ...input, expiry: { date: "2026-02-30" } }).success,
    ).toBe(false);
  });
});

describe("versions fit a PostgreSQL integer, with room for the next one", () => {
  const versioned: [string, z.ZodType, Record<string, unknown>][] = [
    ["profile", account.updateProfileInput, { displayName: "Sam", timeZone: "UTC" }],
    [
      "journal entry",
      journal.updateJournalEntryInput,
      { id: randomUUID(), mood: 3, body: "x", sharedWithBuddies: false },
    ],
    [
      "contact",
      contacts.updateContactInput,
      {
        id: randomUUID(),
        occurredAt: "2026-10-01T10:00",
        channel: "text",
        initiator: "me",
        feeling: "good",
      },
    ],
    ["draft", drafts.updateDraftInput, { id: randomUUID() }],
    ["reflection", steps.updateReflectionInput, { id: randomUUID(), body: "x" }],
    [
      "buddy link",
      buddies.updateBuddyLinkInput,
      { id: randomUUID(), label: "x", scope: "progress", expiry: "none" },
    ],
    ["situation", journey.updateSituationInput, { ...situation, breakupDate: "2026-09-01" }],
    ["outcome", journey.recordOutcomeInput, { outcome: "moving_on" }],
  ];

  it.each(versioned)("the %s's version", async (_name, schema, rest) => {
    expect((await schema.safeParseAsync({ ...rest, version: VERSION_MAX })).success).toBe(true);
    for (const version of [INT4_MAX, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const result = await schema.safeParseAsync({ ...rest, version });
      expect(messagesOf(result), String(version)).toEqual([
        "version: Please reload the page and try again.",
      ]);
    }
  });

  it("the reminder settings' version", () => {
    const form = {
      enabled: true,
      checkInTime: "19:30",
      quietHours: false,
      quietStart: "22:00",
      quietEnd: "07:00",
      email: false,
    };
    expect(reminders.saveReminderSettingsInput.safeParse({ ...form, version: 0 }).success).toBe(
      true,
    );
    expect(
      reminders.saveReminderSettingsInput.safeParse({ ...form, version: INT4_MAX }).success,
    ).toBe(false);
  });
});

describe("free text drops U+0000, which PostgreSQL text cannot hold", () => {
  const text: [string, z.ZodType, (body: string) => Record<string, unknown>, string][] = [
    [
      "a journal entry",
      journal.createJournalEntryInput,
      (body) => ({ idempotencyKey: randomUUID(), mood: 3, body }),
      "body",
    ],
    [
      "a draft",
      drafts.createDraftInput,
      (body) => ({ idempotencyKey: randomUUID(), stepNumber: 1, body }),
      "body",
    ],
    [
      "a reflection",
      steps.addReflectionInput,
      (body) => ({ idempotencyKey: randomUUID(), stepNumber: 1, promptKey: "p", body }),
      "body",
    ],
    ["a memory", steps.addMemoryInput, (body) => ({ idempotencyKey: randomUUID(), body }), "body"],
    [
      "an outcome note",
      journey.recordOutcomeInput,
      (note) => ({ outcome: "moving_on", note, version: 1 }),
      "note",
    ],
    [
      "a contact note",
      contacts.createContactInput,
      (note) => ({
        idempotencyKey: randomUUID(),
        occurredAt: "2026-10-01T10:00",
        channel: "text",
        initiator: "me",
        feeling: "good",
        note,
      }),
      "note",
    ],
    [
      "a buddy label",
      buddies.createBuddyLinkInput,
      (label) => ({ idempotencyKey: randomUUID(), label, scope: "progress", expiry: "none" }),
      "label",
    ],
    ["an encouragement", buddies.encouragementInput, (message) => ({ message }), "message"],
    [
      "a supporter's encouragement",
      supporting.encourageSupportedInput,
      (message) => ({ id: randomUUID(), message }),
      "message",
    ],
    [
      "a display name",
      account.updateProfileInput,
      (displayName) => ({ displayName, timeZone: "UTC", version: 1 }),
      "displayName",
    ],
    [
      "the ex's name",
      journey.situation,
      (exName) => ({ ...situation, breakupDate: "2026-09-01", exName }),
      "exName",
    ],
  ];

  it.each(text)("in %s", async (_name, schema, input, field) => {
    const parsed = (await schema.parseAsync(input("Dear\u0000 Jo\u0000"))) as Record<
      string,
      string
    >;
    expect(parsed[field]).toBe("Dear Jo");
  });

  it.each(text)(
    "in %s, a text of only U+0000 is empty, and refused as empty where text is needed",
    async (_name, schema, input, field) => {
      const result = await schema.safeParseAsync(input("\u0000\u0000"));
      if (result.success)
        expect([null, undefined, ""]).toContain((result.data as Record<string, unknown>)[field]);
      else expect(messagesOf(result)[0]).toMatch(new RegExp(`^${field}: `));
    },
  );

  it("a lone surrogate is stored as U+FFFD, as the driver would send it", () => {
    expect(storable("a\ud800b\udc00")).toBe("a\ufffdb\ufffd");
    expect(storable("👩‍👩‍👧‍👦")).toBe("👩‍👩‍👧‍👦");
  });

  it("limits count what is kept", () => {
    const body = `${"a".repeat(drafts.DRAFT_MAX_CHARS)}\u0000`;
    expect(drafts.draftBody.safeParse(body).success).toBe(true);
  });
});

describe("the schema walk", () => {
  const modules = {
    account,
    activity,
    buddies,
    contacts,
    drafts,
    journal,
    journey,
    reminders,
    steps,
    supporting,
  };
  const schemas = Object.entries(modules).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(
        ([name, value]) =>
          /Input$/.test(name) && typeof value === "object" && value !== null && "_zod" in value,
      )
      .map(([name, value]) => [`${module}.${name}`, value as z.ZodType] as const),
  );

  it("finds the input schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
  });

  // Schemas with a new password load the guessability dictionaries on first use.
  it.each(schemas)("generates values %s accepts", { timeout: 30_000 }, async (_name, schema) => {
    const values = fc.sample(arbitraryFromSchema(schema, { fields: rekindleFields }), {
      numRuns: 60,
      seed: 7,
    });
    const results = await Promise.all(values.map((v) => schema.safeParseAsync(v)));
    expect(results.filter((r) => r.success).length).toBeGreaterThan(values.length / 10);
  });

  it("tries the edges: int4's bounds, U+0000, a rolled-over day, the longest text", () => {
    const sample = <T>(schema: z.ZodType<T>) =>
      fc.sample(arbitraryFromSchema(schema), { numRuns: 400, seed: 11 });
    expect(sample(z.number().int().min(1))).toEqual(
      expect.arrayContaining([1, INT4_MAX, INT4_MAX + 1, Number.MAX_SAFE_INTEGER]),
    );
    const texts = sample(z.string().max(500)) as string[];
    expect(texts.some((v) => v.includes("\u0000"))).toBe(true);
    expect(texts.some((v) => v.length === 500)).toBe(true);
    expect(sample(z.iso.date())).toEqual(expect.arrayContaining(["2026-02-30", "9999-12-31"]));
  });
});

describe("the schemas' day rule", () => {
  it("agrees with lib/stats/days.ts on every day it is asked about", () => {
    const text = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (v) => {
        expect(calendarDay().safeParse(v).success).toBe(isDay(v));
      }),
      { numRuns: 2_000 },
    );
  });
});
