/**
 * The baselines' work: the dashboard read and the journal write with the same SQL the
 * app runs (the session lookup included), without tRPC, superjson's walk, zod or Drizzle's
 * per-call query building. The statement texts are made once by Drizzle's query builder,
 * so they are the app's own, and run as prepared statements on a `postgres` pool made by
 * db/client.ts. The answers are the same JSON as the tRPC procedures'.
 *
 * Used by the bare node:http server (bare-server.ts) and by the Next.js route handler the
 * benchmark writes into its build copy (build.ts).
 */
import { createHash } from "node:crypto";
import {
  and,
  desc,
  sql as drizzleSql,
  eq,
  getTableColumns,
  gte,
  isNull,
  lte,
  type Placeholder,
} from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { decode } from "next-auth/jwt";
import type postgres from "postgres";
import superjson from "superjson";
import type { Db } from "@/db/client";
import {
  buddyLinks,
  contacts,
  encouragements,
  journeys,
  sessions,
  stepProgress,
  taskCompletions,
  users,
} from "@/db/schema";
import { getProgram, isStepStalled, personalize } from "@/lib/program";
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
} from "@/lib/stats";
import {
  activityRows,
  activityUnion,
  asInstant,
  fromJson,
  type Jsonified,
  type StepRow,
} from "@/server/services/dashboard";
import { homeQuery } from "@/server/services/home";

const qb = new QueryBuilder({ casing: "snake_case" });
const p = (name: string) => drizzleSql.placeholder(name);

interface Statement {
  text: string;
  /** For each $n, the placeholder name to fill it from, or a constant. */
  params: ({ name: string } | { value: unknown })[];
}

function statement(query: { toSQL(): { sql: string; params: unknown[] } }): Statement {
  const { sql: text, params } = query.toSQL();
  return {
    text,
    params: params.map((v) =>
      v !== null && typeof v === "object" && "name" in (v as Placeholder)
        ? { name: (v as Placeholder).name as string }
        : { value: v },
    ),
  };
}

async function run(
  sql: postgres.Sql | postgres.TransactionSql,
  s: Statement,
  values: Record<string, unknown> = {},
): Promise<unknown[][]> {
  const params = s.params.map((x) => ("name" in x ? values[x.name] : x.value));
  // biome-ignore lint/suspicious/noExplicitAny: the driver's parameter type is a union
  return (await sql.unsafe(s.text, params as any[], { prepare: true }).values()) as unknown[][];
}

/** activityBetween's one statement (dashboard.ts), built by the app's own functions. */
function activityStatement(bounded: boolean): Statement {
  const union = activityUnion(bounded);
  return statement(qb.select({ rows: activityRows(union) }).from(union));
}

/**
 * activeJourneyWithProgress's one select (dashboard.ts): the journey's columns, then its
 * steps, tasks done and recent contacts as json, then the latest contact.
 */
function journeyStatement(): Statement {
  const ofJourney = (table: typeof stepProgress | typeof taskCompletions | typeof contacts) =>
    and(eq(table.userId, p("user")), eq(table.journeyId, journeys.id));
  const happened = lte(contacts.occurredAt, p("now"));
  return statement(
    qb
      .select({
        ...getTableColumns(journeys),
        steps: drizzleSql`(
        select coalesce(json_agg(json_build_object(
          'stepNumber', ${stepProgress.stepNumber}, 'status', ${stepProgress.status},
          'openedAt', ${stepProgress.openedAt}, 'lastActivityAt', ${stepProgress.lastActivityAt}
        ) order by ${stepProgress.stepNumber}), '[]'::json)
        from ${stepProgress} where ${ofJourney(stepProgress)}
      )`,
        tasksDone: drizzleSql`(
        select coalesce(json_agg(json_build_object(
          'stepNumber', ${taskCompletions.stepNumber}, 'taskKey', ${taskCompletions.taskKey}
        )), '[]'::json)
        from ${taskCompletions} where ${ofJourney(taskCompletions)}
      )`,
        recentContacts: drizzleSql`(
        select coalesce(json_agg(json_build_object(
          'at', ${contacts.occurredAt}, 'initiator', ${contacts.initiator}
        )), '[]'::json)
        from ${contacts}
        where ${and(ofJourney(contacts), gte(contacts.occurredAt, p("startAt")), happened)}
      )`,
        lastContactAt: drizzleSql`(
        select max(${contacts.occurredAt}) from ${contacts}
        where ${and(ofJourney(contacts), happened)}
      )`,
      })
      .from(journeys)
      .where(and(eq(journeys.userId, p("user")), eq(journeys.status, "active"))),
  );
}

/** How many of the journey statement's columns are the journey's own; json follows. */
const JOURNEY_WIDTH = Object.keys(getTableColumns(journeys)).length;

const S = {
  session: statement(
    qb
      .select({
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        timeZone: users.timeZone,
        discreet: users.discreet,
        weekStart: users.weekStart,
        hideInitiative: users.hideInitiative,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, p("idHash"))),
  ),
  journey: journeyStatement(),
  activeJourneyId: statement(
    qb
      .select({ id: journeys.id })
      .from(journeys)
      .where(and(eq(journeys.userId, p("user")), eq(journeys.status, "active"))),
  ),
  recent: activityStatement(false),
  older: activityStatement(true),
  // Home's own select (server/services/home.ts), the same text.
  home: statement(homeQuery(qb as unknown as Db)),
  // The layout's unread notes for the navigation's badge (buddies.ts unreadNotes).
  unread: statement(
    qb
      .select({
        id: encouragements.id,
        message: encouragements.message,
        label: buddyLinks.label,
        createdAt: encouragements.createdAt,
        total: drizzleSql`count(*) over ()`,
      })
      .from(encouragements)
      .innerJoin(buddyLinks, eq(buddyLinks.id, encouragements.linkId))
      .where(and(eq(encouragements.userId, p("user")), isNull(encouragements.readAt)))
      .orderBy(desc(encouragements.createdAt), desc(encouragements.id))
      .limit(3),
  ),
};

/**
 * Every statement text the baselines send. The bench checks that each statement Rekindle
 * sent for the dashboard and the journal write is among them, so an edit to the app's SQL
 * that is not mirrored here shows up in the report instead of silently measuring old SQL.
 */
export function baselineStatementTexts(): string[] {
  return [
    ...Object.values(S).map((x) => x.text),
    INSERT_ENTRY,
    SELECT_ENTRY,
    TOUCH_STEP,
    TOUCH_SESSION,
    DELETE_SESSION,
  ];
}

// The journal insert as Drizzle writes it (insert … on conflict do nothing returning).
const ENTRY_COLUMNS = `"id", "journey_id", "step_number", "mood", "body", "shared_with_buddies", "version", "created_at", "updated_at"`;
const INSERT_ENTRY = `insert into "journal_entries" ("id", "user_id", "journey_id", "step_number", "mood", "body", "shared_with_buddies", "idempotency_key", "version", "created_at", "updated_at") values (default, $1, $2, $3, $4, $5, $6, $7, default, $8, $9) on conflict ("user_id","idempotency_key") do nothing returning ${ENTRY_COLUMNS}`;
const SELECT_ENTRY = `select ${ENTRY_COLUMNS} from "journal_entries" where ("journal_entries"."user_id" = $1 and "journal_entries"."idempotency_key" = $2)`;
const TOUCH_STEP = `update "step_progress" set "last_activity_at" = $1 where ("step_progress"."user_id" = $2 and "step_progress"."journey_id" = $3 and "step_progress"."step_number" = $4)`;
const TOUCH_SESSION = `update "sessions" set "last_seen_at" = $1 where "sessions"."id_hash" = $2`;
const DELETE_SESSION = `delete from "sessions" where "sessions"."id_hash" = $1`;

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const IDLE_MS = 14 * 24 * 60 * 60 * 1000;
const TOUCH_MS = 5 * 60 * 1000;

export interface BaselineUser {
  id: string;
  timeZone: string;
  displayName?: string;
}

/** The cookie's session id, then the session row (server/auth: cookie.ts, sessions.ts). */
export async function sessionUser(
  sql: postgres.Sql,
  cookieHeader: string | undefined,
  secret: string,
  now = new Date(),
): Promise<BaselineUser | null> {
  let sessionId: string | null = null;
  for (const part of (cookieHeader ?? "").split(";")) {
    const eqAt = part.indexOf("=");
    const name = part.slice(0, eqAt).trim();
    if (!COOKIES.includes(name)) continue;
    try {
      const payload = await decode({ token: part.slice(eqAt + 1).trim(), secret, salt: name });
      sessionId = typeof payload?.sid === "string" ? payload.sid : null;
    } catch {
      return null;
    }
    break;
  }
  if (!sessionId) return null;
  const idHash = createHash("sha256").update(sessionId).digest("base64url");
  const [row] = await run(sql, S.session, { idHash });
  if (!row) return null;
  const [expiresAt, lastSeenAt, id, , displayName, timeZone] = row;
  const idleFor = now.getTime() - asDate(lastSeenAt).getTime();
  if (asDate(expiresAt) <= now || idleFor > IDLE_MS) {
    await sql.unsafe(DELETE_SESSION, [idHash], { prepare: true });
    return null;
  }
  if (idleFor > TOUCH_MS) {
    await sql.unsafe(TOUCH_SESSION, [now.toISOString(), idHash], { prepare: true });
  }
  return { id: String(id), timeZone: String(timeZone), displayName: String(displayName) };
}

/**
 * The page baseline's reads: what /home sends with its layout (the session, Home's select,
 * the dashboard's activity union and the unread notes), as prepared statements, with
 * each row handed back as it came for the page to print. Null when signed out.
 */
export async function homePageBySql(
  sql: postgres.Sql,
  cookie: string | undefined,
  secret: string,
  now = new Date(),
): Promise<{ name: string; greeting: string; rows: unknown[][] } | null> {
  const user = await sessionUser(sql, cookie, secret, now);
  if (!user) return null;
  const { timeZone } = user;
  const today = localDay(now, timeZone);
  const { start } = calendarRange(today);
  const startAt = startOfLocalDay(start, timeZone).toISOString();
  const [home, recent, unread] = await Promise.all([
    run(sql, S.home, { user: user.id, startAt, now: now.toISOString(), today }),
    run(sql, S.recent, { user: user.id, since: startAt, until: null, from: start, to: null }),
    run(sql, S.unread, { user: user.id }),
  ]);
  return {
    name: user.displayName ?? "",
    greeting: `${today} in ${timeZone}`,
    rows: [...home, ...recent, ...unread],
  };
}

async function activityBetween(
  sql: postgres.Sql,
  user: string,
  timeZone: string,
  from: Day,
  to: Day | null,
) {
  const [[json] = []] = await run(sql, to === null ? S.recent : S.older, {
    user,
    since: startOfLocalDay(from, timeZone).toISOString(),
    until: to === null ? null : startOfLocalDay(to, timeZone).toISOString(),
    from,
    to,
  });
  const counts = new Map<Day, number>();
  const moods: { day: Day; mood: number; from: MoodSource }[] = [];
  const paused: Day[] = [];
  for (const [kind, at, date, mood] of fromJson<
    [string, number | null, Day | null, number | null][]
  >(json ?? [])) {
    const day = at !== null ? localDay(at, timeZone) : date;
    if (day === null) continue;
    if (kind === "pause") {
      paused.push(day);
      continue;
    }
    tally(counts, day);
    if (mood !== null) {
      moods.push({ day, mood, from: kind === "check" ? "check-in" : "journal" });
    }
  }
  return { counts, moods, pauseDays: paused };
}

/** The active journey's row, its json decoded as activeJourneyWithProgress decodes it. */
async function activeJourneyWithProgress(
  sql: postgres.Sql,
  user: string,
  calendarFrom: Date,
  now: Date,
) {
  const [row] = await run(sql, S.journey, {
    user,
    startAt: calendarFrom.toISOString(),
    now: now.toISOString(),
  });
  if (!row) return null;
  const [steps, tasksDone, recentContacts, lastContactAt] = row.slice(JOURNEY_WIDTH);
  const instant = (value: string | null) => (value === null ? null : asInstant(value));
  return {
    journey: row.slice(0, JOURNEY_WIDTH),
    steps: fromJson<Jsonified<StepRow>[]>(steps).map(
      (s): StepRow => ({
        ...s,
        openedAt: instant(s.openedAt),
        lastActivityAt: instant(s.lastActivityAt),
      }),
    ),
    tasksDone: fromJson<{ stepNumber: number; taskKey: string }[]>(tasksDone),
    recentContacts: fromJson<{ at: string; initiator: Initiator }[]>(recentContacts).map((c) => ({
      at: new Date(c.at),
      initiator: c.initiator,
    })),
    lastContactAt: instant(lastContactAt as string | null),
  };
}

/** server/services/dashboard.ts's getDashboard, statement for statement. */
export async function dashboardBySql(
  sql: postgres.Sql,
  user: BaselineUser,
  now = new Date(),
): Promise<Dashboard> {
  const { timeZone } = user;
  const today = localDay(now, timeZone);
  const { start } = calendarRange(today);
  const [read, recent] = await Promise.all([
    activeJourneyWithProgress(sql, user.id, startOfLocalDay(start, timeZone), now),
    activityBetween(sql, user.id, timeZone, start, null),
  ]);
  // journeys' columns in schema order: id, user_id, program_version, status, breakup_date,
  // contact_level, ex_name, ex_pronouns, …
  const journey = read?.journey;

  const activeDays = new Set([...recent.counts.keys()]);
  const pauses = new Set(recent.pauseDays);
  let streak = computeStreak({ activeDays, pauseDays: pauses, today });
  for (let knownFrom = start; streak.since !== null; ) {
    if (daysBetween(knownFrom, streak.since) > MAX_PAUSE_DAYS) break;
    const from = addDays(knownFrom, -CALENDAR_WEEKS * 7);
    const older = await activityBetween(sql, user.id, timeZone, from, knownFrom);
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
    daysSinceBreakup: journey ? Math.max(0, daysBetween(String(journey[4]), today)) : null,
    daysSinceLastContact,
    journey: read ? journeySummary(read, today, timeZone) : null,
    offerSupport: offersSupport({ moods: recent.moods, today }),
  };
}

function journeySummary(
  {
    journey,
    steps,
    tasksDone: done,
  }: { journey: unknown[]; steps: StepRow[]; tasksDone: { stepNumber: number; taskKey: string }[] },
  today: Day,
  timeZone: string,
): JourneySummary {
  const program = getProgram(Number(journey[2]));
  const person = {
    name: journey[6] as string | null,
    pronouns: journey[7] as "he" | "she" | "they",
  };
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
  const step = open && program.steps.find((s) => s.number === open.stepNumber);
  if (open && step) {
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
  return {
    id: String(journey[0]),
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

export interface NewEntry {
  idempotencyKey: string;
  mood: number;
  body: string;
  stepNumber?: number | null;
  sharedWithBuddies?: boolean;
}

/** server/services/journal.ts's createEntry, statement for statement, in one transaction. */
export async function createEntryBySql(sql: postgres.Sql, user: BaselineUser, input: NewEntry) {
  return sql.begin(async (tx) => {
    const [journey] = await run(tx, S.activeJourneyId, { user: user.id });
    const journeyId = journey ? String(journey[0]) : null;
    const stepNumber = input.stepNumber ?? null;
    const now = new Date().toISOString();
    const args = [
      user.id,
      journeyId,
      stepNumber,
      input.mood,
      input.body,
      input.sharedWithBuddies ?? false,
      input.idempotencyKey,
      now,
      now,
    ];
    let [row] = await tx.unsafe(INSERT_ENTRY, args, { prepare: true });
    if (row && journeyId && stepNumber) {
      await tx.unsafe(TOUCH_STEP, [now, user.id, journeyId, stepNumber], { prepare: true });
    }
    if (!row) [row] = await tx.unsafe(SELECT_ENTRY, [user.id, input.idempotencyKey]);
    if (!row) throw new Error("Please tap Save again.");
    return {
      id: row.id,
      journeyId: row.journey_id,
      stepNumber: row.step_number,
      mood: row.mood,
      body: row.body,
      sharedWithBuddies: row.shared_with_buddies,
      version: row.version,
      createdAt: asDate(row.created_at),
      updatedAt: asDate(row.updated_at),
    };
  });
}

const json = (status: number, body: string) => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body,
});
const unauthorized = () =>
  json(401, JSON.stringify({ error: { json: { message: "Please sign in again to continue." } } }));

/**
 * One baseline request, whatever serves it: the path's last part names the work. Answers
 * as tRPC does: `{"result":{"data":<superjson>}}`.
 */
export async function baselineAnswer(
  sql: postgres.Sql,
  secret: string,
  req: { method: string; path: string; cookie?: string; body?: string },
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const user = await sessionUser(sql, req.cookie, secret);
  if (req.path.endsWith("/dashboard")) {
    if (!user) return unauthorized();
    // No dates in the dashboard: superjson's output is { json } alone.
    return json(
      200,
      `{"result":{"data":{"json":${JSON.stringify(await dashboardBySql(sql, user))}}}}`,
    );
  }
  if (req.path.endsWith("/journal") && req.method === "POST") {
    if (!user) return unauthorized();
    const input = (JSON.parse(req.body ?? "{}") as { json: NewEntry }).json;
    const entry = await createEntryBySql(sql, user, input);
    return json(200, JSON.stringify({ result: { data: superjson.serialize(entry) } }));
  }
  return json(404, `{"error":"not found"}`);
}
