import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  checkIns,
  contacts,
  type Journey,
  journalEntries,
  journeys,
  pauseDays,
  stepProgress,
  taskCompletions,
} from "@/db/schema";
import { exPerson, getProgram, isStepStalled, personalize } from "@/server/program";
import type { Dashboard, JourneySummary } from "@/server/schemas/dashboard";
import {
  activityCalendar,
  addDays,
  CALENDAR_WEEKS,
  calendarRange,
  computeStreak,
  type Day,
  daysBetween,
  initiative,
  localDay,
  MAX_PAUSE_DAYS,
  moodTrend,
  startOfLocalDay,
  tally,
} from "@/server/stats";
import type { Actor } from "./common";

const WINDOW_DAYS = CALENDAR_WEEKS * 7;

/** What counts towards the streak and the calendar, from `from` up to (not including) `to`. */
async function activityBetween(db: Db, actor: Actor, timeZone: string, from: Day, to: Day | null) {
  const since = startOfLocalDay(from, timeZone);
  const until = to === null ? null : startOfLocalDay(to, timeZone);
  const mine = actor.userId;
  const [tasks, entries, logged, checks, pauses] = await Promise.all([
    db
      .select({ at: taskCompletions.completedAt })
      .from(taskCompletions)
      .where(
        and(
          eq(taskCompletions.userId, mine),
          gte(taskCompletions.completedAt, since),
          until ? lt(taskCompletions.completedAt, until) : undefined,
        ),
      ),
    db
      .select({ at: journalEntries.createdAt, mood: journalEntries.mood })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.userId, mine),
          gte(journalEntries.createdAt, since),
          until ? lt(journalEntries.createdAt, until) : undefined,
        ),
      ),
    // Logging a contact counts on the day it was logged: back-filling a week of contacts
    // today must not fake a week of streak.
    db
      .select({ at: contacts.createdAt })
      .from(contacts)
      .where(
        and(
          eq(contacts.userId, mine),
          gte(contacts.createdAt, since),
          until ? lt(contacts.createdAt, until) : undefined,
        ),
      ),
    db
      .select({ day: checkIns.day, mood: checkIns.mood })
      .from(checkIns)
      .where(
        and(
          eq(checkIns.userId, mine),
          gte(checkIns.day, from),
          to ? lt(checkIns.day, to) : undefined,
        ),
      ),
    db
      .select({ day: pauseDays.day })
      .from(pauseDays)
      .where(
        and(
          eq(pauseDays.userId, mine),
          gte(pauseDays.day, from),
          to ? lt(pauseDays.day, to) : undefined,
        ),
      ),
  ]);

  const counts = new Map<Day, number>();
  const moods: { day: Day; mood: number }[] = [];
  for (const { at } of tasks) tally(counts, localDay(at, timeZone));
  for (const { at } of logged) tally(counts, localDay(at, timeZone));
  for (const { at, mood } of entries) {
    const day = localDay(at, timeZone);
    tally(counts, day);
    moods.push({ day, mood });
  }
  for (const { day, mood } of checks) {
    tally(counts, day);
    if (mood !== null) moods.push({ day, mood });
  }
  return { counts, moods, pauseDays: pauses.map((p) => p.day) };
}

/** The journey in progress: where the user is, how far they've come, whether it stalled. */
async function journeySummary(
  db: Db,
  actor: Actor,
  journey: Journey,
  today: Day,
  timeZone: string,
): Promise<JourneySummary> {
  const [steps, done] = await Promise.all([
    db
      .select()
      .from(stepProgress)
      .where(and(eq(stepProgress.userId, actor.userId), eq(stepProgress.journeyId, journey.id)))
      .orderBy(stepProgress.stepNumber),
    db
      .select({ stepNumber: taskCompletions.stepNumber, taskKey: taskCompletions.taskKey })
      .from(taskCompletions)
      .where(
        and(eq(taskCompletions.userId, actor.userId), eq(taskCompletions.journeyId, journey.id)),
      ),
  ]);
  const program = getProgram(journey.programVersion);
  const person = exPerson(journey, actor.discreet);
  const required = new Set(
    program.steps.flatMap((s) =>
      s.tasks.filter((t) => t.required).map((t) => `${s.number}/${t.key}`),
    ),
  );
  const requiredDone = new Set(
    done.map((d) => `${d.stepNumber}/${d.taskKey}`).filter((k) => required.has(k)),
  ).size;
  const stepsTotal = program.steps.length;
  const stepsDone = steps.filter((s) => s.status === "done").length;

  const daysSince = (at: Date | null) => (at ? daysBetween(localDay(at, timeZone), today) : null);
  const open = steps.find((s) => s.status === "open");
  let currentStep: JourneySummary["currentStep"] = null;
  if (open) {
    const step = program.steps.find((s) => s.number === open.stepNumber);
    if (step) {
      const daysSinceActivity = daysSince(open.lastActivityAt ?? open.openedAt);
      const stalled = daysSinceActivity !== null && isStepStalled(step, daysSinceActivity, program);
      currentStep = {
        number: step.number,
        slug: step.slug,
        title: personalize(step.title, person),
        paceDays: step.paceDays,
        daysOnStep: daysSince(open.openedAt),
        daysSinceActivity,
        stalled,
        stalledNudge: stalled ? personalize(step.stalledNudge, person) : null,
      };
    }
  }
  return {
    id: journey.id,
    currentStep,
    stepsDone,
    stepsTotal,
    requiredTasksDone: requiredDone,
    requiredTasksTotal: required.size,
    progress: {
      steps: stepsTotal === 0 ? 0 : stepsDone / stepsTotal,
      tasks: required.size === 0 ? 0 : requiredDone / required.size,
    },
  };
}

/**
 * Everything the dashboard shows, counted in the user's own calendar days. Reads the last
 * twelve weeks in a handful of queries, plus older weeks only while a streak runs past them.
 */
export async function getDashboard(
  db: Db,
  actor: Actor,
  opts: { timeZone: string; now?: Date },
): Promise<Dashboard> {
  const { timeZone } = opts;
  const now = opts.now ?? new Date();
  const today = localDay(now, timeZone);
  const { start } = calendarRange(today);

  const [[journey], recent] = await Promise.all([
    db
      .select()
      .from(journeys)
      .where(and(eq(journeys.userId, actor.userId), eq(journeys.status, "active"))),
    activityBetween(db, actor, timeZone, start, null),
  ]);

  // The streak can be longer than the calendar: read older weeks while it reaches them.
  const activeDays = new Set([...recent.counts.keys()]);
  const pauses = new Set(recent.pauseDays);
  let streak = computeStreak({ activeDays, pauseDays: pauses, today });
  for (let knownFrom = start; streak.since !== null; ) {
    // A gap of more than four days before the run's first day can't be bridged by pauses.
    if (daysBetween(knownFrom, streak.since) > MAX_PAUSE_DAYS) break;
    const from = addDays(knownFrom, -WINDOW_DAYS);
    const older = await activityBetween(db, actor, timeZone, from, knownFrom);
    if (older.counts.size === 0) break;
    for (const day of older.counts.keys()) activeDays.add(day);
    for (const day of older.pauseDays) pauses.add(day);
    knownFrom = from;
    streak = computeStreak({ activeDays, pauseDays: pauses, today });
  }

  let contactsBy: { day: Day; initiator: "me" | "them" }[] = [];
  let daysSinceLastContact: number | null = null;
  let summary: JourneySummary | null = null;
  if (journey) {
    const startAt = startOfLocalDay(start, timeZone);
    const [recentContacts, [last], journeyView] = await Promise.all([
      db
        .select({ at: contacts.occurredAt, initiator: contacts.initiator })
        .from(contacts)
        .where(
          and(
            eq(contacts.userId, actor.userId),
            eq(contacts.journeyId, journey.id),
            gte(contacts.occurredAt, startAt),
            lte(contacts.occurredAt, now),
          ),
        ),
      db
        .select({ at: contacts.occurredAt })
        .from(contacts)
        .where(
          and(
            eq(contacts.userId, actor.userId),
            eq(contacts.journeyId, journey.id),
            lte(contacts.occurredAt, now),
          ),
        )
        .orderBy(desc(contacts.occurredAt))
        .limit(1),
      journeySummary(db, actor, journey, today, timeZone),
    ]);
    contactsBy = recentContacts.map((c) => ({
      day: localDay(c.at, timeZone),
      initiator: c.initiator,
    }));
    daysSinceLastContact = last ? daysBetween(localDay(last.at, timeZone), today) : null;
    summary = journeyView;
  }

  return {
    today,
    timeZone,
    streak: {
      current: streak.current,
      longest: streak.longest,
      activeToday: streak.activeToday,
      pausedToday: pauses.has(today),
    },
    calendar: activityCalendar({ counts: recent.counts, pauseDays: recent.pauseDays, today }),
    mood: moodTrend({ moods: recent.moods, today }),
    initiative: initiative({ contacts: contactsBy, today }),
    daysSinceBreakup: journey ? Math.max(0, daysBetween(journey.breakupDate, today)) : null,
    daysSinceLastContact,
    journey: summary,
  };
}
