import "#server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  buddyLinks,
  checkIns,
  contacts,
  drafts,
  encouragements,
  journalEntries,
  journeys,
  memories,
  pauseDays,
  reflections,
  reminderSettings,
  stepProgress,
  taskCompletions,
  users,
} from "@/db/schema";
import { type ImportFile, importFile, importHeader } from "@/lib/schemas/import";
import { AppError } from "@/server/errors";
import { hashToken, newToken } from "@/server/tokens";
import type { Actor, Tx } from "./common";

/**
 * Reading a person's own export into a new account, so one person can move between
 * servers. What comes back, and what does not:
 *
 * - Everything they wrote or chose: plan, tasks, reflections, memories, journal, contacts,
 *   drafts, check-ins, rest days, reminder settings, buddy links and the notes buddies
 *   sent, their name, time zone, week start and discreet mode. Times are kept as in the file.
 * - Every row gets a new id owned by the importing account; the file's ids only tie rows
 *   together. Versions start again at 1.
 * - Buddy links come back revoked, with a fresh token nobody holds: the old links' tokens
 *   were never stored or exported, so no old address can open the new account, yet the
 *   labels and the notes buddies sent stay in the inbox. New links are one tap away.
 * - Left behind: the e-mail and password (the new account has its own), sessions, the
 *   calendar feed (its address is a secret: make a new one), "People you support" (they
 *   point at link rows on the old server), and the reminders Rekindle already made (a
 *   pending one would be sent a second time).
 */

/** What the import wrote, by section, for the page to show. */
export type ImportCounts = Record<
  | "journeys"
  | "journalEntries"
  | "contacts"
  | "drafts"
  | "reflections"
  | "memories"
  | "checkIns"
  | "buddyLinks"
  | "encouragements",
  number
>;

/** How each section is named to a person when a row in it is refused. */
const SECTION_WORDS: Record<string, string> = {
  profile: "Your profile",
  journeys: "Plan",
  stepProgress: "Step",
  taskCompletions: "Task",
  reflections: "Reflection",
  memories: "Memory",
  journalEntries: "Journal entry",
  contacts: "Contact",
  drafts: "Draft",
  checkIns: "Check-in",
  pauseDays: "Rest day",
  buddyLinks: "Buddy link",
  encouragements: "Buddy message",
  reminderSettings: "Reminder settings",
};

/** The first thing wrong with the file, as a sentence that says where, on its field path. */
function refusal(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("BAD_REQUEST", "This file can't be imported.", "file");
  const [section, index] = issue.path;
  const field = issue.path.length > 0 ? issue.path.join(".") : "file";
  const words = typeof section === "string" ? SECTION_WORDS[section] : undefined;
  const where =
    words === undefined
      ? ""
      : typeof index === "number"
        ? `${words} ${index + 1} in the file: `
        : `${words}: `;
  return new AppError("BAD_REQUEST", `${where}${issue.message}`, field);
}

/** Checks the file against the same rules as the forms; throws BAD_REQUEST naming the field. */
export async function readImportFile(input: unknown): Promise<ImportFile> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new AppError("BAD_REQUEST", "This file isn't an export from this app.", "file");
  }
  const header = importHeader.safeParse(input);
  if (!header.success) throw refusal(header.error);
  const file = await importFile.safeParseAsync(input);
  if (!file.success) throw refusal(file.error);
  return file.data;
}

/** Tables any of the person's own rows live in, directly or through a plan or link. */
const OWNED: { table: PgTable; owner: PgColumn }[] = [
  { table: journeys, owner: journeys.userId },
  { table: journalEntries, owner: journalEntries.userId },
  { table: checkIns, owner: checkIns.userId },
  { table: pauseDays, owner: pauseDays.userId },
  { table: buddyLinks, owner: buddyLinks.userId },
  { table: reminderSettings, owner: reminderSettings.userId },
];

async function hasData(tx: Tx, actor: Actor): Promise<boolean> {
  for (const { table, owner } of OWNED) {
    const [row] = await tx
      .select({ one: sql`1` })
      .from(table)
      .where(eq(owner, actor.userId))
      .limit(1);
    if (row) return true;
  }
  return false;
}

/** Rows per INSERT: far under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 500;

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK));
  }
}

function mapped(ids: Map<string, string>, id: string): string {
  const to = ids.get(id);
  // The schema refuses a reference to a row outside the file, so this cannot happen.
  if (to === undefined) throw new Error("import: a reference the schema should have refused");
  return to;
}

export const ACCOUNT_NOT_EMPTY =
  "This account already has data, so nothing was imported. Imports go only into a new, empty account, so nothing you have is mixed or overwritten. If you just imported, it's all here already.";

/**
 * Writes `input` (a parsed JSON export) into the actor's account, all in one transaction.
 * Refuses with CONFLICT when the account has any data: a double submit or a second file
 * finds the first one's rows and changes nothing.
 */
export async function importAccount(
  db: Db,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<ImportCounts> {
  const file = await readImportFile(input);
  return db.transaction(async (tx) => {
    // Holding the account row makes a second import (a double tap) wait, then see the first's rows.
    const [me] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!me) throw new AppError("NOT_FOUND", "We could not find your account.");
    if (await hasData(tx, actor)) throw new AppError("CONFLICT", ACCOUNT_NOT_EMPTY);

    const userId = actor.userId;
    await tx
      .update(users)
      .set({
        displayName: file.profile.displayName,
        timeZone: file.profile.timeZone,
        discreet: file.profile.discreet,
        weekStart: file.profile.weekStart,
        hideInitiative: file.profile.hideInitiative,
        version: sql`${users.version} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, userId));

    const journeyIds = new Map<string, string>();
    for (const { id, ...journey } of file.journeys) {
      const [row] = await tx
        .insert(journeys)
        .values({ ...journey, userId, idempotencyKey: randomUUID() })
        .returning({ id: journeys.id });
      if (!row) throw new Error("import: journey insert returned nothing");
      journeyIds.set(id, row.id);
    }
    const journeyOf = (id: string) => mapped(journeyIds, id);
    const fresh = () => ({ userId, idempotencyKey: randomUUID() });

    await insertAll(
      tx,
      stepProgress,
      file.stepProgress.map((r) => ({ ...r, userId, journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      taskCompletions,
      file.taskCompletions.map((r) => ({ ...r, userId, journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      reflections,
      file.reflections.map((r) => ({ ...r, ...fresh(), journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      memories,
      file.memories.map((r) => ({ ...r, ...fresh(), journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      journalEntries,
      file.journalEntries.map((r) => ({
        ...r,
        ...fresh(),
        journeyId: r.journeyId === null ? null : journeyOf(r.journeyId),
      })),
    );
    await insertAll(
      tx,
      contacts,
      file.contacts.map((r) => ({ ...r, ...fresh(), journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      drafts,
      file.drafts.map((r) => ({ ...r, ...fresh(), journeyId: journeyOf(r.journeyId) })),
    );
    await insertAll(
      tx,
      checkIns,
      file.checkIns.map((r) => ({ ...r, userId })),
    );
    await insertAll(
      tx,
      pauseDays,
      file.pauseDays.map((r) => ({ ...r, userId })),
    );
    await insertAll(
      tx,
      reminderSettings,
      file.reminderSettings.map((r) => ({ ...r, userId })),
    );

    const linkIds = new Map<string, string>();
    for (const { id, ...link } of file.buddyLinks) {
      const [row] = await tx
        .insert(buddyLinks)
        .values({
          ...link,
          ...fresh(),
          // A token nobody was given: the link exists only as history.
          tokenHash: hashToken(newToken()),
          revokedAt: link.revokedAt ?? now,
        })
        .returning({ id: buddyLinks.id });
      if (!row) throw new Error("import: buddy link insert returned nothing");
      linkIds.set(id, row.id);
    }
    await insertAll(
      tx,
      encouragements,
      file.encouragements.map((r) => ({ ...r, userId, linkId: mapped(linkIds, r.linkId) })),
    );

    return {
      journeys: file.journeys.length,
      journalEntries: file.journalEntries.length,
      contacts: file.contacts.length,
      drafts: file.drafts.length,
      reflections: file.reflections.length,
      memories: file.memories.length,
      checkIns: file.checkIns.length,
      buddyLinks: file.buddyLinks.length,
      encouragements: file.encouragements.length,
    };
  });
}
