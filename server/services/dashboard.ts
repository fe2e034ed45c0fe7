import "#server-only";
import { and, eq, getTableColumns, gte, lt, lte, type SQLWrapper, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import {
  checkIns,
  contacts,
  type Journey,
  journalEntries,
  journeys,
  pauseDays,
  type StepProgress,
  stepProgress,
  taskCompletions,
} from "@/db/schema";
import { exPerson, getProgram, isStepStalled, personalize } from "@/lib/program";
import type { Dashboard, JourneySummary } from "@/lib/schemas/dashboard";
import {
  activityCalendar,
  addDays,
  CALENDAR_WEEKS,
  calendarRange,
  computeStreak,
  type Day,
  daysBetween,
  type Initiator,
  initiative,
  localDay,
  MAX_PAUSE_DAYS,
  type MoodSource,
  moodTrend,
  offersSupport,
  startOfLocalDay,
  tally,
  type WeekStartsOn,
} from "@/lib/stats";
import type { Actor } from "./common";

const WINDOW_DAYS = CALENDAR_WEEKS * 7;

// Statement budget: a dashboard request may send at most 4 statements, one of them the
// session lookup. So the activity behind the streak, calendar and mood trend comes back as
// one `union all`, and the journey with everything under it as one select beside it.

type ActivityKind = "task" | "entry" | "contact" | "check" | "pause";

/** Decodes a timestamp the way Drizzle's timestamp columns do: both drivers send text. */
export const asInstant = (value: string): Date | null => new Date(value);

/** A json column: parsed by both drivers today, parsed here should one hand over text. */
export const fromJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;

const p = {
  user: sql.placeholder("user"),
  since: sql.placeholder("since"),
  until: sql.placeholder("until"),
  from: sql.placeholder("from"),
  to: sql.placeholder("to"),
};

/** Builds statements without a database: the bench's baselines send the very same text. */
const qb = new QueryBuilder({ casing: "snake_case" });

/**
 * The five sources of activity as one `union all`, with values left as placeholders:
 * `bounded` adds the upper limit that older windows need. A row carries the instant (`at`)
 * or the day the person chose (`day`).
 */
export function activityUnion(bounded: boolean) {
  const noAt = sql`null::timestamptz`;
  const noDay = sql`null::date`;
  const noMood = sql`null::smallint`;
  // The first select names the columns every row is read back under.
  return (
    qb
      .select({
        kind: sql`'task'::text`.as("kind"),
        at: sql`${taskCompletions.completedAt}`.as("at"),
        day: noDay.as("day"),
        mood: noMood.as("mood"),
      })
      .from(taskCompletions)
      .where(
        and(
          eq(taskCompletions.userId, p.user),
          gte(taskCompletions.completedAt, p.since),
          bounded ? lt(taskCompletions.completedAt, p.until) : undefined,
        ),
      )
      .unionAll(
        qb
          .select({
            kind: sql`'entry'`,
            at: journalEntries.createdAt,
            day: noDay,
            mood: journalEntries.mood,
          })
          .from(journalEntries)
          .where(
            and(
              eq(journalEntries.userId, p.user),
              gte(journalEntries.createdAt, p.since),
              bounded ? lt(journalEntries.createdAt, p.until) : undefined,
            ),
          ),
      )
      // Logging a contact counts on the day it was logged: back-filling a week of contacts
      // today must not fake a week of streak.
      .unionAll(
        qb
          .select({ kind: sql`'contact'`, at: contacts.createdAt, day: noDay, mood: noMood })
          .from(contacts)
          .where(
            and(
              eq(contacts.userId, p.user),
              gte(contacts.createdAt, p.since),
              bounded ? lt(contacts.createdAt, p.until) : undefined,
            ),
          ),
      )
      .unionAll(
        qb
          .select({ kind: sql`'check'`, at: noAt, day: checkIns.day, mood: checkIns.mood })
          .from(checkIns)
          .where(
            and(
              eq(checkIns.userId, p.user),
              gte(checkIns.day, p.from),
              bounded ? lt(checkIns.day, p.to) : undefined,
            ),
          ),
      )
      .unionAll(
        qb
          .select({ kind: sql`'pause'`, at: noAt, day: pauseDays.day, mood: noMood })
          .from(pauseDays)
          .where(
            and(
              eq(pauseDays.userId, p.user),
              gte(pauseDays.day, p.from),
              bounded ? lt(pauseDays.day, p.to) : undefined,
            ),
          ),
      )
      .as("activity")
  );
}

/** One activity as activityRows sends it: the instant as milliseconds since 1970. */
type ActivityRow = [kind: ActivityKind, at: number | null, day: Day | null, mood: number | null];

/**
 * The union's rows as one json array of [kind, at, day, mood]. Read as rows, Drizzle mapped
 * every field of every row (and made a Date of each instant): the largest part of a
 * dashboard request's CPU after the driver, in a profile of the bench's pinned run.
 */
export function activityRows(union: ReturnType<typeof activityUnion>) {
  return sql<
    ActivityRow[]
  >`coalesce(json_agg(json_build_array(${union.kind}, (extract(epoch from ${union.at}) * 1000)::float8, ${union.day}, ${union.mood})), '[]'::json)`.mapWith(
    (value) => fromJson<ActivityRow[]>(value),
  );
}

function activityStatement(db: Db, bounded: boolean) {
  const union = activityUnion(bounded);
  return db
    .select({ rows: activityRows(union) })
    .from(union)
    .prepare(bounded ? "dashboard_activity_window" : "dashboard_activity_recent");
}

/**
 * What counts towards the streak and the calendar, from `from` up to (not including) `to`,
 * in one statement. Instants become days here, in the user's zone, not in SQL.
 */
async function activityBetween(db: Db, actor: Actor, timeZone: string, from: Day, to: Day | null) {
  const bounded = to !== null;
  const statement = prepared(db, bounded ? "window" : "recent", () =>
    activityStatement(db, bounded),
  );
  // Timestamps go as ISO text, as Drizzle's timestamp columns send them.
  const [answer] = await statement.execute({
    user: actor.userId,
    since: startOfLocalDay(from, timeZone).toISOString(),
    until: bounded ? startOfLocalDay(to, timeZone).toISOString() : null,
    from,
    to,
  });

  const counts = new Map<Day, number>();
  const moods: { day: Day; mood: number; from: MoodSource }[] = [];
  const paused: Day[] = [];
  const checkIns = new Map<Day, number | null>();
  for (const [kind, at, date, mood] of answer?.rows ?? []) {
    const day = at !== null ? localDay(at, timeZone) : date;
    if (day === null) continue;
    if (kind === "pause") {
      paused.push(day);
      continue;
    }
    if (kind === "check") checkIns.set(day, mood);
    tally(counts, day);
    if (mood !== null) {
      moods.push({ day, mood, from: kind === "check" ? "check-in" : "journal" });
    }
  }
  return { counts, moods, pauseDays: paused, checkIns };
}

/** The activity of a window as activityBetween reads it. */
export type Activity = Awaited<ReturnType<typeof activityBetween>>;

/** The dashboard's recent window: the calendar's weeks up to today, and what lies ahead. */
export function recentActivity(db: Db, actor: Actor, timeZone: string, start: Day) {
  return activityBetween(db, actor, timeZone, start, null);
}

export interface StepRow {
  stepNumber: number;
  status: StepProgress["status"];
  openedAt: Date | null;
  lastActivityAt: Date | null;
}

/** Rows as json_agg sends them: timestamps are ISO strings inside json. */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };

type JourneyTable = typeof stepProgress | typeof taskCompletions | typeof contacts;

/**
 * The dashboard's json subqueries on the journey `journeyId` names (a column of the outer
 * query): its steps, the tasks done, the contacts since `startAt` and the latest contact
 * up to `now`. Shared by the dashboard's statement and Home's.
 */
export function journeyProgressColumns(
  journeyId: SQLWrapper,
  user: SQLWrapper = p.user,
  startAt: SQLWrapper = sql.placeholder("startAt"),
  now: SQLWrapper = sql.placeholder("now"),
) {
  const ofJourney = (table: JourneyTable) =>
    and(eq(table.userId, user), eq(table.journeyId, journeyId));
  const happened = lte(contacts.occurredAt, now);
  return {
    steps: sql`(
        select coalesce(json_agg(json_build_object(
          'stepNumber', ${stepProgress.stepNumber}, 'status', ${stepProgress.status},
          'openedAt', ${stepProgress.openedAt}, 'lastActivityAt', ${stepProgress.lastActivityAt}
        ) order by ${stepProgress.stepNumber}), '[]'::json)
        from ${stepProgress} where ${ofJourney(stepProgress)}
      )`.mapWith(fromJson<Jsonified<StepRow>[]>),
    tasksDone: sql`(
        select coalesce(json_agg(json_build_object(
          'stepNumber', ${taskCompletions.stepNumber}, 'taskKey', ${taskCompletions.taskKey}
        )), '[]'::json)
        from ${taskCompletions} where ${ofJourney(taskCompletions)}
      )`.mapWith(fromJson<{ stepNumber: number; taskKey: string }[]>),
    recentContacts: sql`(
        select coalesce(json_agg(json_build_object(
          'at', ${contacts.occurredAt}, 'initiator', ${contacts.initiator}
        )), '[]'::json)
        from ${contacts}
        where ${and(ofJourney(contacts), gte(contacts.occurredAt, startAt), happened)}
      )`.mapWith(fromJson<{ at: string; initiator: Initiator }[]>),
    lastContactAt: sql`(
        select max(${contacts.occurredAt}) from ${contacts}
        where ${and(ofJourney(contacts), happened)}
      )`.mapWith(asInstant),
  };
}

/** The active journey with its steps, tasks and contacts as JSON subqueries, prepared. */
function journeyStatement(db: Db) {
  return db
    .select({ ...getTableColumns(journeys), ...journeyProgressColumns(journeys.id) })
    .from(journeys)
    .where(and(eq(journeys.userId, p.user), eq(journeys.status, "active")))
    .prepare("dashboard_journey");
}

type ProgressRow = {
  steps: Jsonified<StepRow>[];
  tasksDone: { stepNumber: number; taskKey: string }[];
  recentContacts: { at: string; initiator: Initiator }[];
  lastContactAt: Date | null;
};

/** journeyProgressColumns' values decoded: instants as Dates. */
export function decodeProgress({ steps, tasksDone, recentContacts, lastContactAt }: ProgressRow) {
  const instant = (value: string | null) => (value === null ? null : asInstant(value));
  return {
    steps: steps.map(
      (s): StepRow => ({
        ...s,
        openedAt: instant(s.openedAt),
        lastActivityAt: instant(s.lastActivityAt),
      }),
    ),
    tasksDone,
    recentContacts: recentContacts.map((c) => ({ at: new Date(c.at), initiator: c.initiator })),
    lastContactAt,
  };
}

/**
 * The active journey and everything under it that the dashboard shows, in one statement
 * (the budget again): its steps, the tasks done, the contacts since `calendarFrom` and the
 * latest contact, each a subquery on the journey's row. Contacts after `now` are left out.
 */
async function activeJourneyWithProgress(db: Db, actor: Actor, calendarFrom: Date, now: Date) {
  const [row] = await prepared(db, "journey", () => journeyStatement(db)).execute({
    user: actor.userId,
    startAt: calendarFrom.toISOString(),
    now: now.toISOString(),
  });
  if (!row) return null;
  const { steps, tasksDone, recentContacts, lastContactAt, ...journey } = row;
  return { journey, ...decodeProgress({ steps, tasksDone, recentContacts, lastContactAt }) };
}

/** The journey in progress: where the user is, how far they've come, whether it stalled. */
function journeySummary(
  actor: Actor,
  { journey, steps, tasksDone: done }: NonNullable<DashboardParts["read"]>,
  today: Day,
  timeZone: string,
): JourneySummary {
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

/** What the dashboard is made from: the journey read and the recent activity. */
export interface DashboardParts {
  read: {
    journey: Pick<Journey, "id" | "programVersion" | "breakupDate" | "exName" | "exPronouns">;
    steps: StepRow[];
    tasksDone: { stepNumber: number; taskKey: string }[];
    recentContacts: { at: Date; initiator: Initiator }[];
    lastContactAt: Date | null;
  } | null;
  recent: Activity;
}

/** Where the dashboard's window starts and what today is, in the user's zone. */
export function dashboardWindow(timeZone: string, now: Date, weekStartsOn: WeekStartsOn = 1) {
  const today = localDay(now, timeZone);
  const { start } = calendarRange(today, weekStartsOn);
  return { today, start, startAt: startOfLocalDay(start, timeZone) };
}

/**
 * Everything the dashboard shows, counted in the user's own calendar days. Reads the journey
 * and the last twelve weeks in two statements side by side, plus one per older twelve weeks
 * only while a streak runs past them. The journey's row comes back too, for the buddy page.
 */
export async function readDashboard(
  db: Db,
  actor: Actor,
  opts: { timeZone: string; now?: Date; weekStartsOn?: WeekStartsOn },
): Promise<{ dashboard: Dashboard; journey: Journey | null }> {
  const { timeZone, weekStartsOn = 1 } = opts;
  const now = opts.now ?? new Date();
  const { start, startAt } = dashboardWindow(timeZone, now, weekStartsOn);
  const [read, recent] = await Promise.all([
    activeJourneyWithProgress(db, actor, startAt, now),
    activityBetween(db, actor, timeZone, start, null),
  ]);
  const dashboard = await dashboardFrom(
    db,
    actor,
    { read, recent },
    { timeZone, now, weekStartsOn },
  );
  return { dashboard, journey: read?.journey ?? null };
}

export async function getDashboard(
  db: Db,
  actor: Actor,
  opts: { timeZone: string; now?: Date; weekStartsOn?: WeekStartsOn },
): Promise<Dashboard> {
  return (await readDashboard(db, actor, opts)).dashboard;
}

/**
 * The dashboard from what was read: the streak can need older weeks, read here one
 * statement per twelve weeks while the streak reaches them.
 */
export async function dashboardFrom(
  db: Db,
  actor: Actor,
  { read, recent }: DashboardParts,
  opts: { timeZone: string; now: Date; weekStartsOn?: WeekStartsOn },
): Promise<Dashboard> {
  const { timeZone, now, weekStartsOn = 1 } = opts;
  const { today, start } = dashboardWindow(timeZone, now, weekStartsOn);
  const journey = read?.journey;

  // The streak can be longer than the calendar: read older weeks while it reaches them,
  // one statement per twelve weeks.
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

  const contactsBy = (read?.recentContacts ?? []).map((c) => ({
    day: localDay(c.at, timeZone),
    initiator: c.initiator,
  }));
  const lastContactAt = read?.lastContactAt ?? null;
  const daysSinceLastContact = lastContactAt
    ? daysBetween(localDay(lastContactAt, timeZone), today)
    : null;
  const summary = read ? journeySummary(actor, read, today, timeZone) : null;

  return {
    today,
    timeZone,
    streak: {
      current: streak.current,
      longest: streak.longest,
      activeToday: streak.activeToday,
      pausedToday: pauses.has(today),
    },
    calendar: activityCalendar({
      counts: recent.counts,
      pauseDays: recent.pauseDays,
      today,
      weekStartsOn,
    }),
    mood: moodTrend({ moods: recent.moods, today }),
    initiative: initiative({ contacts: contactsBy, today, weekStartsOn }),
    daysSinceBreakup: journey ? Math.max(0, daysBetween(journey.breakupDate, today)) : null,
    daysSinceLastContact,
    journey: summary,
    offerSupport: offersSupport({ moods: recent.moods, today }),
  };
}
