import "#server-only";
import { type AnyColumn, asc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  buddyLinks,
  buddySubscriptions,
  calendarFeeds,
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
  reminders,
  stepProgress,
  supportedLinks,
  taskCompletions,
  users,
} from "@/db/schema";
import { localDay } from "@/lib/stats";
import { AppError } from "@/server/errors";
import type { Actor, Tx } from "./common";

/** Bumped when the file's shape changes in a way a reader of an older file must know. */
export const EXPORT_VERSION = 1;

/**
 * Columns no export carries, in any table: secrets (a password hash, a buddy link's token
 * hash) and bookkeeping that means nothing outside Rekindle. The owner column is left out
 * too: everything in the file is the person's own.
 */
export const NOT_EXPORTED = [
  "passwordHash",
  "tokenHash",
  "confirmTokenHash",
  "stopTokenHash",
  "idempotencyKey",
  "version",
] as const;

interface Section {
  table: PgTable;
  /** The column naming the row's owner. */
  owner: PgColumn;
  /** A stable order for the rows, oldest first. */
  order: AnyColumn[];
  /** What is exported of each row, when not its columns less NOT_EXPORTED. */
  columns?: Record<string, PgColumn | SQL.Aliased>;
}

/**
 * Every table a person owns rows in, keyed by its name in camelCase (`journal_entries` is
 * `journalEntries`). Sessions and password-reset links are left out on purpose: they are
 * keys to the account, not something the person wrote.
 * tests/integration/account-data.test.ts reads the schema and fails if a table with an
 * owner column is missing here.
 */
const SECTIONS = {
  journeys: { table: journeys, owner: journeys.userId, order: [journeys.createdAt] },
  stepProgress: {
    table: stepProgress,
    owner: stepProgress.userId,
    order: [stepProgress.journeyId, stepProgress.stepNumber],
  },
  taskCompletions: {
    table: taskCompletions,
    owner: taskCompletions.userId,
    order: [taskCompletions.completedAt, taskCompletions.taskKey],
  },
  reflections: { table: reflections, owner: reflections.userId, order: [reflections.createdAt] },
  memories: { table: memories, owner: memories.userId, order: [memories.createdAt] },
  journalEntries: {
    table: journalEntries,
    owner: journalEntries.userId,
    order: [journalEntries.createdAt],
  },
  contacts: { table: contacts, owner: contacts.userId, order: [contacts.occurredAt] },
  drafts: { table: drafts, owner: drafts.userId, order: [drafts.createdAt] },
  checkIns: { table: checkIns, owner: checkIns.userId, order: [checkIns.day] },
  pauseDays: { table: pauseDays, owner: pauseDays.userId, order: [pauseDays.day] },
  buddyLinks: { table: buddyLinks, owner: buddyLinks.userId, order: [buddyLinks.createdAt] },
  /** Encouragements and nudges buddies sent this person. */
  encouragements: {
    table: encouragements,
    owner: encouragements.userId,
    order: [encouragements.createdAt],
  },
  /** When and how the person asked to be reminded. */
  reminderSettings: {
    table: reminderSettings,
    owner: reminderSettings.userId,
    order: [reminderSettings.createdAt],
  },
  /** The reminders Rekindle made for them, one a day at most. */
  reminders: { table: reminders, owner: reminders.userId, order: [reminders.localDate] },
  /** Whether a calendar feed exists and when it was last read; never its token's hash. */
  calendarFeeds: {
    table: calendarFeeds,
    owner: calendarFeeds.userId,
    order: [calendarFeeds.createdAt],
  },
  /**
   * A buddy who asked for e-mail updates on a link: only that they did, never the
   * address, which is theirs, not the person's.
   */
  buddySubscriptions: {
    table: buddySubscriptions,
    owner: buddySubscriptions.userId,
    order: [buddySubscriptions.createdAt],
    columns: {
      linkId: buddySubscriptions.linkId,
      subscription: sql<string>`'a buddy subscribed'`.as("subscription"),
      confirmedAt: buddySubscriptions.confirmedAt,
    },
  },
  /** Other people's buddy links this person keeps under "People you support". */
  supportedLinks: {
    table: supportedLinks,
    owner: supportedLinks.supporterId,
    order: [supportedLinks.createdAt],
  },
} satisfies Record<string, Section>;

export type ExportRow = Record<string, unknown>;

export type AccountExport = {
  format: "rekindle-export";
  version: typeof EXPORT_VERSION;
  exportedAt: Date;
  profile: ExportRow;
} & Record<keyof typeof SECTIONS, ExportRow[]>;

/** A table's columns, less the owner column and everything in NOT_EXPORTED. */
function exportedColumns(table: PgTable, owner?: PgColumn): Record<string, PgColumn> {
  const skip = new Set<string>(NOT_EXPORTED);
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).filter(
      ([key, column]) => !skip.has(key) && column !== owner,
    ),
  );
}

async function rowsOf(db: Tx, actor: Actor, section: Section): Promise<ExportRow[]> {
  const order: SQL[] = section.order.map((column) => asc(column));
  return db
    .select(section.columns ?? exportedColumns(section.table, section.owner))
    .from(section.table)
    .where(eq(section.owner, actor.userId))
    .orderBy(...order);
}

/**
 * Everything the person owns, as one object ready for JSON. Read in one read-only
 * snapshot, so a save landing halfway through can't leave the file half old, half new.
 */
export async function exportAccount(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<AccountExport> {
  return db.transaction(
    async (tx) => {
      const [profile] = await tx
        .select(exportedColumns(users, users.id))
        .from(users)
        .where(eq(users.id, actor.userId));
      if (!profile) throw new AppError("NOT_FOUND", "We could not find your account.");
      const sections = {} as Record<keyof typeof SECTIONS, ExportRow[]>;
      for (const [name, section] of Object.entries(SECTIONS)) {
        sections[name as keyof typeof SECTIONS] = await rowsOf(tx, actor, section);
      }
      return {
        format: "rekindle-export" as const,
        version: EXPORT_VERSION,
        exportedAt: now,
        profile,
        ...sections,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** "rekindle-export-2026-11-26.json", dated on the person's own calendar. */
export function exportFileName(timeZone: string, now = new Date()): string {
  return `rekindle-export-${localDay(now, timeZone)}.json`;
}
