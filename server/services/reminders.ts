import "#server-only";
import { and, asc, eq, gte, isNull, lt, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  checkIns,
  contacts,
  journalEntries,
  journeys,
  pauseDays,
  type ReminderSettings,
  reminderSettings,
  reminders,
  stepProgress,
  taskCompletions,
  users,
} from "@/db/schema";
import { getProgram, getStep, isStepStalled, type StepNumber } from "@/lib/program";
import type {
  ReminderNotice,
  ReminderSettingsView,
  saveReminderSettingsInput,
} from "@/lib/schemas/reminders";
import { addDays, type Day, daysBetween, localDay, startOfLocalDay } from "@/lib/stats";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { vapidKeys } from "@/server/push/keys";
import {
  minuteOfTime,
  type ReminderPrefs,
  SNOOZE_DAYS,
  timeOfMinute,
} from "@/server/reminders/schedule";
import { type Actor, staleVersion, type Tx } from "./common";

/** As the form sends it; `push` may be left out (off), as callers from before push do. */
type SaveInput = Omit<z.output<typeof saveReminderSettingsInput>, "push"> & { push?: boolean };

/** What a person sees before saving: an evening check-in, quiet through the night. */
const DEFAULTS = { checkInMinute: 19 * 60, quietStartMinute: 22 * 60, quietEndMinute: 7 * 60 };

/** Mail can only be offered where Rekindle can send it. */
export const emailAvailable = () => !!env().SMTP_URL;

/** Push likewise: only where VAPID keys are set. */
const pushAvailable = () => vapidKeys() !== null;

export function prefsOf(row: ReminderSettings): ReminderPrefs {
  return {
    enabled: row.enabled,
    checkInMinute: row.checkInMinute,
    quietStartMinute: row.quietStartMinute,
    quietEndMinute: row.quietEndMinute,
    resumeOn: row.resumeOn,
  };
}

async function timeZoneOf(db: Tx, actor: Actor): Promise<string> {
  const [row] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, actor.userId));
  return row?.timeZone ?? "UTC";
}

async function settingsRow(db: Tx, actor: Actor): Promise<ReminderSettings | undefined> {
  const [row] = await db
    .select()
    .from(reminderSettings)
    .where(eq(reminderSettings.userId, actor.userId));
  return row;
}

function settingsView(
  row: ReminderSettings | undefined,
  timeZone: string,
  today: Day,
  canEmail = emailAvailable(),
): ReminderSettingsView {
  const quietStart = row?.quietStartMinute ?? null;
  const quietEnd = row?.quietEndMinute ?? null;
  return {
    saved: row !== undefined,
    enabled: row?.enabled ?? true,
    checkInTime: timeOfMinute(row?.checkInMinute ?? DEFAULTS.checkInMinute),
    quietHours: row ? quietStart !== null : true,
    quietStart: timeOfMinute(quietStart ?? DEFAULTS.quietStartMinute),
    quietEnd: timeOfMinute(quietEnd ?? DEFAULTS.quietEndMinute),
    email: (row?.email ?? false) && canEmail,
    emailAvailable: canEmail,
    push: (row?.push ?? false) && pushAvailable(),
    pushAvailable: pushAvailable(),
    snoozedUntil: row?.resumeOn && row.resumeOn > today ? row.resumeOn : null,
    timeZone,
    version: row?.version ?? 0,
  };
}

export async function getSettings(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<ReminderSettingsView> {
  const [timeZone, row] = await Promise.all([timeZoneOf(db, actor), settingsRow(db, actor)]);
  return settingsView(row, timeZone, localDay(now, timeZone));
}

/**
 * Saves the form. The first save creates the row (version 0 in, 1 out); later saves must
 * name the version they started from, so two devices never silently overwrite each other.
 * `canEmail` is whether this Rekindle can send mail; tests with their own SMTP server say so.
 */
export async function saveSettings(
  db: Db,
  actor: Actor,
  input: SaveInput,
  now = new Date(),
  canEmail = emailAvailable(),
): Promise<ReminderSettingsView> {
  const values = {
    enabled: input.enabled,
    checkInMinute: minuteOfTime(input.checkInTime),
    quietStartMinute: input.quietHours ? minuteOfTime(input.quietStart) : null,
    quietEndMinute: input.quietHours ? minuteOfTime(input.quietEnd) : null,
    // Asking for mail where none can be sent would promise what never arrives.
    email: input.email && canEmail,
    push: (input.push ?? false) && pushAvailable(),
    updatedAt: now,
  };
  const [saved] =
    input.version === 0
      ? await db
          .insert(reminderSettings)
          .values({ userId: actor.userId, ...values, createdAt: now })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(reminderSettings)
          .set({ ...values, version: input.version + 1 })
          .where(
            and(
              eq(reminderSettings.userId, actor.userId),
              eq(reminderSettings.version, input.version),
            ),
          )
          .returning();
  if (!saved) throw staleVersion("reminder setting");
  const timeZone = await timeZoneOf(db, actor);
  return settingsView(saved, timeZone, localDay(now, timeZone), canEmail);
}

async function setResumeOn(db: Db, actor: Actor, resumeOn: (today: Day) => Day | null, now: Date) {
  const timeZone = await timeZoneOf(db, actor);
  const today = localDay(now, timeZone);
  const current = await settingsRow(db, actor);
  if (!current) {
    throw new AppError("NOT_FOUND", "Please choose a check-in time first, then you can snooze.");
  }
  const [saved] = await db
    .update(reminderSettings)
    // Not a form edit, so no new version: an open settings form can still save after it.
    .set({ resumeOn: resumeOn(today), updatedAt: now })
    .where(eq(reminderSettings.userId, actor.userId))
    .returning();
  if (!saved) throw staleVersion("reminder setting");
  return settingsView(saved, timeZone, today);
}

/** No reminders today or the next six days; they come back on their own after that. */
export const snooze = (db: Db, actor: Actor, now = new Date()) =>
  setResumeOn(db, actor, (today) => addDays(today, SNOOZE_DAYS), now);

export const resume = (db: Db, actor: Actor, now = new Date()) =>
  setResumeOn(db, actor, () => null, now);

// ─── Today ─────────────────────────────────────────────────────────────────────────────

/**
 * Whether the person showed up on `day` in their zone: the same things the dashboard's
 * streak counts (a check-in, a task, an entry, a logged contact), plus a chosen pause day,
 * which asks for rest and so for no reminder.
 */
export async function activeOn(db: Tx, userId: string, day: Day, timeZone: string) {
  const from = startOfLocalDay(day, timeZone);
  const to = startOfLocalDay(addDays(day, 1), timeZone);
  const one = (q: Promise<unknown[]>) => q.then((rows) => rows.length > 0);
  const found = await Promise.all([
    one(
      db
        .select({ day: checkIns.day })
        .from(checkIns)
        .where(and(eq(checkIns.userId, userId), eq(checkIns.day, day)))
        .limit(1),
    ),
    one(
      db
        .select({ day: pauseDays.day })
        .from(pauseDays)
        .where(and(eq(pauseDays.userId, userId), eq(pauseDays.day, day)))
        .limit(1),
    ),
    one(
      db
        .select({ at: taskCompletions.completedAt })
        .from(taskCompletions)
        .where(
          and(
            eq(taskCompletions.userId, userId),
            gte(taskCompletions.completedAt, from),
            lt(taskCompletions.completedAt, to),
          ),
        )
        .limit(1),
    ),
    one(
      db
        .select({ at: journalEntries.createdAt })
        .from(journalEntries)
        .where(
          and(
            eq(journalEntries.userId, userId),
            gte(journalEntries.createdAt, from),
            lt(journalEntries.createdAt, to),
          ),
        )
        .limit(1),
    ),
    one(
      db
        .select({ at: contacts.createdAt })
        .from(contacts)
        .where(
          and(
            eq(contacts.userId, userId),
            gte(contacts.createdAt, from),
            lt(contacts.createdAt, to),
          ),
        )
        .limit(1),
    ),
  ]);
  return found.some(Boolean);
}

export interface StalledStep {
  journeyId: string;
  stepNumber: StepNumber;
  /** When the step last saw activity: the start of this idle stretch. */
  since: Date;
}

/** The step in progress, when it has been idle long enough to count as stalled. */
export async function stalledStep(
  db: Tx,
  userId: string,
  today: Day,
  timeZone: string,
): Promise<StalledStep | null> {
  const [open] = await db
    .select({
      journeyId: stepProgress.journeyId,
      programVersion: journeys.programVersion,
      stepNumber: stepProgress.stepNumber,
      openedAt: stepProgress.openedAt,
      lastActivityAt: stepProgress.lastActivityAt,
    })
    .from(stepProgress)
    .innerJoin(journeys, eq(journeys.id, stepProgress.journeyId))
    .where(
      and(
        eq(stepProgress.userId, userId),
        eq(journeys.userId, userId),
        eq(journeys.status, "active"),
        eq(stepProgress.status, "open"),
      ),
    )
    .orderBy(asc(stepProgress.stepNumber))
    .limit(1);
  const since = open?.lastActivityAt ?? open?.openedAt;
  if (!open || !since) return null;
  const program = getProgram(open.programVersion);
  const step = getStep(program, open.stepNumber as StepNumber);
  const idle = daysBetween(localDay(since, timeZone), today);
  if (!isStepStalled(step, idle, program)) return null;
  return { journeyId: open.journeyId, stepNumber: step.number, since };
}

/**
 * Today's reminder for the home page: shown once a runner has made it, until the person
 * closes it or shows up today (a check-in makes it go away by itself).
 */
export async function notice(db: Db, actor: Actor, now = new Date()): Promise<ReminderNotice> {
  const timeZone = await timeZoneOf(db, actor);
  const today = localDay(now, timeZone);
  const [row] = await db
    .select({ kind: reminders.kind, stepNumber: reminders.stepNumber })
    .from(reminders)
    .where(
      and(
        eq(reminders.userId, actor.userId),
        eq(reminders.localDate, today),
        isNull(reminders.dismissedAt),
        ne(reminders.status, "dismissed"),
      ),
    );
  if (!row) return null;
  if (await activeOn(db, actor.userId, today, timeZone)) return null;
  return { kind: row.kind, stepNumber: row.stepNumber };
}

/**
 * Closes today's notice. Before any runner made today's reminder, this takes its place, so
 * no mail follows a notice the person already closed.
 */
export async function dismiss(db: Db, actor: Actor, now = new Date()): Promise<{ ok: true }> {
  const today = localDay(now, await timeZoneOf(db, actor));
  await db
    .insert(reminders)
    .values({
      userId: actor.userId,
      kind: "check_in",
      localDate: today,
      status: "dismissed",
      dismissedAt: now,
      dueAt: now,
    })
    .onConflictDoUpdate({
      target: [reminders.userId, reminders.localDate],
      // A reminder not yet sent is not sent at all: the person has already seen it.
      set: {
        dismissedAt: now,
        status: sql`case when ${reminders.status} = 'pending' then 'dismissed'::reminder_status else ${reminders.status} end`,
      },
    });
  return { ok: true };
}
