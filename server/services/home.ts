import "#server-only";
import { and, eq, getTableColumns, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { buddyLinks, journeys, reminders, supportedLinks, users } from "@/db/schema";
import type { Home } from "@/lib/schemas/home";
import type { ReminderNotice } from "@/lib/schemas/reminders";
import { SUPPORTING_LIMIT } from "@/lib/schemas/supporting";
import type { WeekStartsOn } from "@/lib/stats";
import { todayFrom } from "./activity";
import type { LinkForView } from "./buddies";
import type { Actor } from "./common";
import {
  asInstant,
  dashboardFrom,
  dashboardWindow,
  decodeProgress,
  fromJson,
  journeyProgressColumns,
  recentActivity,
} from "./dashboard";
import { journeyViewOf, stepViewsJson } from "./journey";
import { liveAt, supportedPeople } from "./supporting";

// Statement budget: Home may send at most 5 statements with the layout's two (the session
// and the buddies' unread notes). So everything Home shows beyond the activity behind the
// dashboard comes back as one select on the person's own row: the journey in progress with
// its steps (tasks and reflections), the dashboard's contact figures, the ended journeys,
// the people they support and today's reminder, each a json subquery.

const p = {
  user: sql.placeholder("user"),
  startAt: sql.placeholder("startAt"),
  now: sql.placeholder("now"),
  today: sql.placeholder("today"),
};

interface HistoryJson {
  id: string;
  exName: string | null;
  outcome: Home["history"][number]["outcome"];
  createdAt: string;
  endedAt: string | null;
}

/**
 * Home's select, unprepared: the bench's page baseline sends the very same text (built on a
 * query builder given in place of the database).
 */
export function homeQuery(db: Db) {
  const { recentContacts, lastContactAt } = journeyProgressColumns(
    journeys.id,
    p.user,
    p.startAt,
    p.now,
  );
  return db
    .select({
      journey: getTableColumns(journeys),
      steps: stepViewsJson(p.user, journeys.id),
      recentContacts,
      lastContactAt,
      history: sql`(
        select coalesce(json_agg(json_build_object(
          'id', ${journeys.id}, 'exName', ${journeys.exName}, 'outcome', ${journeys.outcome},
          'createdAt', ${journeys.createdAt}, 'endedAt', ${journeys.endedAt}
        ) order by ${journeys.createdAt} desc), '[]'::json)
        from ${journeys}
        where ${and(eq(journeys.userId, p.user), eq(journeys.status, "ended"))}
      )`.mapWith(fromJson<HistoryJson[]>),
      supported: sql`(
        select coalesce(json_agg(json_build_object(
          'id', s.id,
          'link', json_build_object(
            'id', s.link_id, 'userId', s.user_id, 'scope', s.scope, 'showExName', s.show_ex_name
          )
        ) order by s.created_at, s.id), '[]'::json)
        from (
          select ${supportedLinks.id} as id, ${supportedLinks.createdAt} as created_at,
            ${buddyLinks.id} as link_id, ${buddyLinks.userId} as user_id,
            ${buddyLinks.scope} as scope, ${buddyLinks.showExName} as show_ex_name
          from ${supportedLinks}
          inner join ${buddyLinks} on ${eq(buddyLinks.id, supportedLinks.linkId)}
          where ${and(eq(supportedLinks.supporterId, p.user), liveAt(p.now))}
          order by ${supportedLinks.createdAt}, ${supportedLinks.id}
          limit ${sql.raw(String(SUPPORTING_LIMIT))}
        ) s
      )`.mapWith(fromJson<{ id: string; link: LinkForView }[]>),
      reminder: sql`(
        select json_build_object('kind', ${reminders.kind}, 'stepNumber', ${reminders.stepNumber})
        from ${reminders}
        where ${and(
          eq(reminders.userId, p.user),
          eq(reminders.localDate, p.today),
          isNull(reminders.dismissedAt),
          ne(reminders.status, "dismissed"),
        )}
      )`.mapWith(fromJson<NonNullable<ReminderNotice> | null>),
    })
    .from(users)
    .leftJoin(journeys, and(eq(journeys.userId, users.id), eq(journeys.status, "active")))
    .where(eq(users.id, p.user));
}

const homeStatement = (db: Db) => homeQuery(db).prepare("home");

/**
 * Everything Home shows, in two statements side by side (the home select above and the
 * dashboard's activity), plus one per older twelve weeks while a streak reaches them and
 * the buddy page's three for each person supported. Each part is what its own procedure
 * answers (journey.current, dashboard.get, activity.today, journey.history,
 * supporting.list, reminders.notice), made from the same functions.
 */
export async function getHome(
  db: Db,
  actor: Actor,
  opts: { timeZone: string; now?: Date; weekStartsOn?: WeekStartsOn },
): Promise<Home> {
  const { timeZone, weekStartsOn = 1 } = opts;
  const now = opts.now ?? new Date();
  const { today, start, startAt } = dashboardWindow(timeZone, now, weekStartsOn);
  const [[row], recent] = await Promise.all([
    prepared(db, "home", () => homeStatement(db)).execute({
      user: actor.userId,
      startAt: startAt.toISOString(),
      now: now.toISOString(),
      today,
    }),
    recentActivity(db, actor, timeZone, start),
  ]);
  const journey = row?.journey ?? null;
  const steps = row?.steps ?? [];
  const read = journey
    ? {
        journey,
        ...decodeProgress({
          steps: steps.map((s) => ({
            stepNumber: s.number,
            status: s.status,
            openedAt: s.openedAt,
            lastActivityAt: s.lastActivityAt,
          })),
          tasksDone: steps.flatMap((s) =>
            s.tasksDone.map((taskKey) => ({ stepNumber: s.number, taskKey })),
          ),
          recentContacts: row?.recentContacts ?? [],
          lastContactAt: row?.lastContactAt ?? null,
        }),
      }
    : null;
  // Today counts as shown up once anything was logged or paused (reminders' activeOn).
  const activeToday = recent.counts.has(today) || recent.pauseDays.includes(today);
  const checkIn = recent.checkIns.has(today)
    ? { mood: recent.checkIns.get(today) ?? null }
    : undefined;
  const [dashboard, supported] = await Promise.all([
    dashboardFrom(db, actor, { read, recent }, { timeZone, now, weekStartsOn }),
    supportedPeople(db, row?.supported ?? [], now),
  ]);
  return {
    journey: journey ? journeyViewOf(actor, journey, steps) : null,
    dashboard,
    today: todayFrom(today, checkIn, recent.pauseDays),
    history: (row?.history ?? []).map((h) => ({
      id: h.id,
      exName: actor.discreet ? null : h.exName,
      outcome: h.outcome,
      createdAt: new Date(h.createdAt),
      endedAt: h.endedAt === null ? null : asInstant(h.endedAt),
    })),
    supported,
    reminder: row?.reminder && !activeToday ? row.reminder : null,
  };
}
