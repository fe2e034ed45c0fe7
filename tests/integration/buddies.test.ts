import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { pgSchema, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  buddyLinks,
  buddySubscriptions,
  contacts,
  encouragements,
  journalEntries,
  stepProgress,
} from "@/db/schema";
import { buddyViewOutput } from "@/lib/schemas/buddies";
import { runDigests } from "@/server/digests/jobs";
import type { Mail } from "@/server/mail";
import {
  buddyView,
  liveLink,
  openLink,
  sendEncouragement,
  sendNudge,
} from "@/server/services/buddies";
import { confirmSubscription, subscribeLink } from "@/server/services/buddies-mail";
import { hashToken } from "@/server/tokens";
import { createLink } from "../helpers/buddies";
import { setupTestDb } from "../helpers/db";
import { startJourney } from "../helpers/journeys";
import { signedInUser } from "../helpers/users";

const t = setupTestDb();

/** The catalog of columns, read through Drizzle so both drivers answer alike. */
const infoColumns = pgSchema("information_schema").table("columns", {
  tableSchema: text("table_schema").notNull(),
  tableName: text("table_name").notNull(),
  columnName: text("column_name").notNull(),
  dataType: text("data_type").notNull(),
});

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY);

/** An owner with a plan, one private and one shared entry, and a contact, each marked. */
async function ownerWithSecrets() {
  const owner = await signedInUser(t.db, { displayName: "Robin" });
  const journey = await startJourney(t.db, owner.userId, { exName: "Zephyrina" });
  const base = { userId: owner.userId, journeyId: journey.id, mood: 4 };
  await t.db.insert(journalEntries).values([
    { ...base, body: "PRIVATE-ENTRY-MARKER", idempotencyKey: randomUUID() },
    {
      ...base,
      body: "SHARED-ENTRY-MARKER",
      sharedWithBuddies: true,
      idempotencyKey: randomUUID(),
    },
  ]);
  await t.db.insert(contacts).values({
    userId: owner.userId,
    journeyId: journey.id,
    occurredAt: new Date(),
    channel: "text",
    initiator: "me",
    feeling: "good",
    note: "CONTACT-NOTE-MARKER",
    idempotencyKey: randomUUID(),
  });
  return owner;
}

describe("a buddy link's token", () => {
  it("is 32 random bytes in base64url, and is in no text column of any table", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(JSON.stringify(link)).not.toContain(token);
    expect(JSON.stringify(await owner.caller.buddies.list())).not.toContain(token);
    expect(JSON.stringify(await owner.caller.buddies.list())).not.toContain(hashToken(token));

    const columns = await t.db
      .select({ table: infoColumns.tableName, column: infoColumns.columnName })
      .from(infoColumns)
      .where(
        and(
          eq(infoColumns.tableSchema, "public"),
          inArray(infoColumns.dataType, ["text", "character varying"]),
        ),
      );
    expect(columns.map((c) => `${c.table}.${c.column}`)).toContain("buddy_links.token_hash");
    for (const { table, column } of columns) {
      // A throwaway table object naming just this one column, so Drizzle quotes the names.
      const one = pgTable(table, { value: text(column) });
      const hits = await t.db
        .select({ value: one.value })
        .from(one)
        .where(sql`position(${token} in ${one.value}) > 0`);
      expect(hits, `${table}.${column}`).toEqual([]);
    }
  });

  it("opens the page, and counts the visit", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    const view = await buddyView(t.db, token);
    expect(view?.ownerName).toBe("Robin");
    expect(view?.currentStep?.number).toBe(1);
    const [listed] = await owner.caller.buddies.list();
    expect(listed?.id).toBe(link.id);
    expect(listed?.openCount).toBe(1);
    expect(listed?.lastOpenedAt).toBeInstanceOf(Date);
    // One character off (the last one holds only 4 bits, so pick one that surely differs).
    const almost = `${token.slice(0, -1)}${token.endsWith("A") ? "E" : "A"}`;
    expect(await buddyView(t.db, almost)).toBeNull();
    expect(await buddyView(t.db, "nonsense")).toBeNull();

    // Three buddies opening the page at the same moment are three visits.
    await Promise.all([buddyView(t.db, token), buddyView(t.db, token), buddyView(t.db, token)]);
    const [after] = await owner.caller.buddies.list();
    expect(after?.openCount).toBe(4);
  });
});

describe("revoke and expiry", () => {
  it("refuse reading and sending at once after a revoke", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    expect(await buddyView(t.db, token)).not.toBeNull();
    await sendEncouragement(t.db, token, { message: "You've got this" });

    const revoked = await owner.caller.buddies.revoke({ id: link.id });
    expect(revoked.status).toBe("revoked");
    expect(await buddyView(t.db, token)).toBeNull();
    await expect(sendEncouragement(t.db, token, { message: "hi" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(sendNudge(t.db, token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      owner.caller.buddies.update({
        id: link.id,
        version: revoked.version,
        label: "again",
        scope: "progress",
        expiry: "none",
        showExName: false,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuse reading and sending once the link has expired", async () => {
    const owner = await ownerWithSecrets();
    const { token } = await createLink(owner.caller, { expiry: "7" });
    expect(await buddyView(t.db, token, later(6))).not.toBeNull();
    await sendEncouragement(t.db, token, { message: "still here" }, later(6));

    const after = later(7.01);
    expect(await buddyView(t.db, token, after)).toBeNull();
    await expect(
      sendEncouragement(t.db, token, { message: "too late" }, after),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendNudge(t.db, token, after)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [listed] = await owner.caller.buddies.list();
    expect(listed?.status).toBe("active");
  });

  it("works through the whole chosen day and refuses a date in the past", async () => {
    const owner = await ownerWithSecrets();
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const { link } = await createLink(owner.caller, { expiry: { date: tomorrow } });
    expect(link.expiresAt?.toISOString().slice(0, 10)).not.toBe(tomorrow);
    await expect(
      createLink(owner.caller, { expiry: { date: "2020-01-01" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("scope", () => {
  it("shows progress only, with no journal, no contact log and no ex's name", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    const view = await buddyView(t.db, token);
    const text = JSON.stringify(view);
    for (const marker of ["PRIVATE-ENTRY", "SHARED-ENTRY", "CONTACT-NOTE", "Zephyrina"]) {
      expect(text).not.toContain(marker);
    }
    expect(text).not.toContain(owner.email);
    expect(view?.sharedEntries).toEqual([]);
    expect(buddyViewOutput.parse(view)).toEqual(view);
    const preview = await owner.caller.buddies.preview({ id: link.id });
    expect(preview.view).toEqual(view);
    expect(preview.link).toMatchObject({ id: link.id, label: link.label, status: "active" });
  });

  it("adds only the entries marked shared when the scope includes the journal", async () => {
    const owner = await ownerWithSecrets();
    const { token } = await createLink(owner.caller, { scope: "progress_and_journal" });
    const view = await buddyView(t.db, token);
    const text = JSON.stringify(view);
    expect(text).toContain("SHARED-ENTRY-MARKER");
    for (const marker of ["PRIVATE-ENTRY", "CONTACT-NOTE", "Zephyrina", owner.email]) {
      expect(text).not.toContain(marker);
    }
    expect(view?.sharedEntries).toEqual([
      { mood: 4, day: expect.any(String), body: "SHARED-ENTRY-MARKER" },
    ]);
    expect(Object.keys(view ?? {}).sort()).toEqual(Object.keys(buddyViewOutput.shape).sort());
  });

  it("is limited, by its output schema, to the fields a buddy may see", () => {
    // Adding a field to what buddies see is a decision: it must change this list too.
    expect(Object.keys(buddyViewOutput.shape).sort()).toEqual([
      "activeDaysThisWeek",
      "canNudge",
      "currentStep",
      "daysSinceActive",
      "lastActiveDay",
      "ownerName",
      "progress",
      "quiet",
      "scope",
      "sharedEntries",
      "stepsDone",
      "stepsTotal",
      "streak",
    ]);
    const entry = buddyViewOutput.shape.sharedEntries.element;
    expect(Object.keys(entry.shape).sort()).toEqual(["body", "day", "mood"]);
    // Strict: a field slipped in upstream is refused, not passed on.
    expect(
      buddyViewOutput.safeParse({
        ...buddyViewOutput.parse({
          ownerName: "Robin",
          scope: "progress",
          currentStep: null,
          stepsDone: 0,
          stepsTotal: 7,
          progress: 0,
          streak: 0,
          lastActiveDay: null,
          daysSinceActive: null,
          activeDaysThisWeek: 0,
          quiet: true,
          canNudge: true,
          sharedEntries: [],
        }),
        email: "robin@example.com",
      }).success,
    ).toBe(false);
  });
});

describe("nudges", () => {
  it("are offered only when the owner has been quiet, and at most once a day", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { token } = await createLink(owner.caller);
    const now = new Date("2026-07-15T10:00:00Z");
    expect((await buddyView(t.db, token, now))?.canNudge).toBe(true);

    await sendNudge(t.db, token, now);
    expect((await buddyView(t.db, token, now))?.canNudge).toBe(false);
    await expect(sendNudge(t.db, token, later(0.1, now))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await sendNudge(t.db, token, later(1, now));

    // Active yesterday: not quiet, so no nudge.
    await t.db.insert(journalEntries).values({
      userId: owner.userId,
      mood: 3,
      body: "a good day",
      idempotencyKey: randomUUID(),
      createdAt: later(1, now),
    });
    const view = await buddyView(t.db, token, later(2, now));
    expect(view?.quiet).toBe(false);
    expect(view?.daysSinceActive).toBe(1);
    await expect(sendNudge(t.db, token, later(2, now))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const inbox = await owner.caller.buddies.inbox();
    expect(inbox.items.filter((i) => i.kind === "nudge")).toHaveLength(2);
    expect(inbox.unread).toBe(2);
  });
});

describe("encouragements", () => {
  it("reach the owner's inbox as plain text, and can be marked read and deleted", async () => {
    const owner = await ownerWithSecrets();
    const { token } = await createLink(owner.caller);
    const script = "<script>alert('hi')</script> keep going";
    await sendEncouragement(t.db, token, { name: "  Sam ", message: script });

    const stored = await t.db.select().from(encouragements);
    expect(stored[0]?.message).toBe(script);
    expect(stored[0]?.name).toBe("Sam");

    const inbox = await owner.caller.buddies.inbox();
    expect(inbox.unread).toBe(1);
    const [item] = inbox.items;
    expect(item).toMatchObject({ message: script, name: "Sam", linkLabel: "my sister" });
    if (!item) throw new Error("no message");
    await owner.caller.buddies.markRead({ id: item.id });
    expect((await owner.caller.buddies.inbox()).unread).toBe(0);
    await owner.caller.buddies.deleteMessage({ id: item.id });
    expect((await owner.caller.buddies.inbox()).items).toEqual([]);
  });

  it("over 500 characters, or empty, are refused and nothing is stored", async () => {
    const owner = await ownerWithSecrets();
    const { token } = await createLink(owner.caller);
    await expect(
      sendEncouragement(t.db, token, { message: "x".repeat(501) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", field: "message" });
    await expect(sendEncouragement(t.db, token, { message: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      sendEncouragement(t.db, token, { name: "n".repeat(41), message: "hi" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", field: "name" });
    expect(await t.db.select().from(encouragements)).toEqual([]);
  });
});

describe("another person", () => {
  it("can't list, change, revoke, preview or read the inbox of someone else's links", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    const { id: messageId } = await sendEncouragement(t.db, token, { message: "OWNER-ONLY" });
    const other = await signedInUser(t.db);
    const before = await t.db.select().from(buddyLinks);

    expect(await other.caller.buddies.list()).toEqual([]);
    expect(await other.caller.buddies.inbox()).toEqual({ items: [], unread: 0 });
    const attempts = [
      () =>
        other.caller.buddies.update({
          id: link.id,
          version: 1,
          label: "mine now",
          scope: "progress_and_journal",
          expiry: "none",
          showExName: true,
        }),
      () => other.caller.buddies.revoke({ id: link.id }),
      () => other.caller.buddies.preview({ id: link.id }),
      () => other.caller.buddies.markRead({ id: messageId }),
      () => other.caller.buddies.deleteMessage({ id: messageId }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await t.db.select().from(buddyLinks)).toEqual(before);
    expect((await owner.caller.buddies.inbox()).unread).toBe(1);
    expect(await buddyView(t.db, token)).not.toBeNull();
  });
});

describe("every mail a buddy gets", () => {
  /** The mails sent, as plain values: what reaches the buddy's inbox. */
  const mailbox: Mail[] = [];
  const keep = async (mail: Mail) => {
    mailbox.push(mail);
  };
  const APP_URL = "https://rekindle.test";

  it("holds no private marker: not the confirming mail, not the weekly note, not a step done", async () => {
    for (const scope of ["progress", "progress_and_journal"] as const) {
      mailbox.length = 0;
      const owner = await ownerWithSecrets();
      const { token, link } = await createLink(owner.caller, { scope });
      const live = await liveLink(t.db, token, new Date());
      if (!live) throw new Error("the link should be live");
      await subscribeLink(
        t.db,
        live,
        { email: `${scope}@example.net` },
        { appUrl: APP_URL, send: keep },
      );
      const confirm = /\/b\/confirm\/([A-Za-z0-9_-]{43})/.exec(mailbox[0]?.text ?? "")?.[1];
      expect(await confirmSubscription(t.db, confirm ?? "")).toBe("confirmed");
      const [sub] = await t.db
        .select({ confirmedAt: buddySubscriptions.confirmedAt })
        .from(buddySubscriptions)
        .where(eq(buddySubscriptions.linkId, link.id));
      const week = later(7, sub?.confirmedAt ?? new Date());
      await t.db
        .update(stepProgress)
        .set({ status: "done", completedAt: later(6.9, sub?.confirmedAt ?? new Date()) })
        .where(and(eq(stepProgress.userId, owner.userId), eq(stepProgress.stepNumber, 1)));
      // The entries were written this week, as the note is sent.
      await t.db
        .update(journalEntries)
        .set({ createdAt: later(6.5, sub?.confirmedAt ?? new Date()) })
        .where(eq(journalEntries.userId, owner.userId));
      await runDigests(t.db, { now: later(0.001, week), appUrl: APP_URL, send: keep });

      expect(mailbox.map((m) => m.subject).sort()).toEqual([
        "Please confirm your e-mail updates",
        "Robin finished a step",
        "Robin's week",
      ]);
      for (const mail of mailbox) {
        const text = `${mail.subject}\n${mail.text}`;
        for (const marker of ["PRIVATE-ENTRY", "SHARED-ENTRY", "CONTACT-NOTE", "Zephyrina"]) {
          expect(text, `${scope}: ${mail.subject}`).not.toContain(marker);
        }
        expect(text).not.toContain(owner.email);
        expect(mail.unsubscribeUrl).toMatch(/^https:\/\/rekindle\.test\/stop\//);
        expect(mail.text).toContain(mail.unsubscribeUrl);
      }
      // Within the link's scope: only a journal link's note says entries were shared.
      const weekly = mailbox.find((m) => m.subject === "Robin's week")?.text ?? "";
      if (scope === "progress") expect(weekly).not.toContain("journal");
      else expect(weekly).toContain("Robin shared a journal entry this week.");
    }
  });
});

/** The thank-yous the buddy page opened with this token shows. */
async function pageThanks(token: string) {
  const opened = await openLink(t.db, token, new Date());
  if (!opened) throw new Error("the link should be live");
  return opened.thanks;
}

describe("thank-yous", () => {
  it("reach the buddy page of the link the note came through, and only the owner can write them", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    const other = await createLink(owner.caller);
    const note = await sendEncouragement(t.db, token, { message: "You've got this" });
    const [nudge] = await t.db
      .insert(encouragements)
      .values({ linkId: link.id, userId: owner.userId, kind: "nudge" })
      .returning({ id: encouragements.id });
    if (!nudge) throw new Error("no nudge");
    const stranger = await signedInUser(t.db);

    await expect(
      stranger.caller.buddies.thank({ id: note.id, thanks: "Not mine to say" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      owner.caller.buddies.thank({ id: nudge.id, thanks: "A nudge has no words" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      owner.caller.buddies.thank({ id: note.id, thanks: "x".repeat(201) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await owner.caller.buddies.thank({ id: note.id, thanks: "Thank you, it helped <b>a lot</b>" });
    expect(await pageThanks(token)).toEqual([
      {
        thanks: "Thank you, it helped <b>a lot</b>",
        day: expect.any(String),
        noteDay: expect.any(String),
      },
    ]);
    expect(await pageThanks(other.token)).toEqual([]);
    expect(await owner.caller.buddies.thanks()).toMatchObject([{ id: note.id }]);
    expect(await stranger.caller.buddies.thanks()).toEqual([]);
  });

  it("show in the owner's preview of a link as its buddy page shows them, newest five", async () => {
    const owner = await ownerWithSecrets();
    const { token, link } = await createLink(owner.caller);
    const other = await createLink(owner.caller);
    for (let n = 1; n <= 6; n++) {
      const note = await sendEncouragement(t.db, token, { message: `Note ${n}` });
      await owner.caller.buddies.thank({ id: note.id, thanks: `Thanks for note ${n}` });
    }
    const onBuddyPage = await pageThanks(token);
    expect(onBuddyPage.map((x) => x.thanks)).toEqual(
      [6, 5, 4, 3, 2].map((n) => `Thanks for note ${n}`),
    );
    expect((await owner.caller.buddies.preview({ id: link.id })).thanks).toEqual(onBuddyPage);
    expect((await owner.caller.buddies.preview({ id: other.link.id })).thanks).toEqual([]);
  });
});
