import "#server-only";
import { createHash } from "node:crypto";
import { tzOffset } from "@date-fns/tz";
import { and, asc, eq } from "drizzle-orm";
import { createEvents, type DateArray, type EventAttributes } from "ics";
import type { Db } from "@/db/client";
import { calendarFeeds, journeys, reminderSettings, stepProgress, users } from "@/db/schema";
import { getProgram, getStep, type Pronouns, personalize, type StepNumber } from "@/lib/program";
import type { CalendarFeedView, CreatedCalendarFeed } from "@/lib/schemas/reminders";
import { addDays, type Day, daysBetween, localDay } from "@/lib/stats";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import type { Actor } from "./common";

// ─── The owner's side: one private address, shown once ─────────────────────────────────

const view = (row: { createdAt: Date; lastFetchedAt: Date | null } | undefined) => ({
  active: row !== undefined,
  createdAt: row?.createdAt ?? null,
  lastFetchedAt: row?.lastFetchedAt ?? null,
});

export async function feedStatus(db: Db, actor: Actor): Promise<CalendarFeedView> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
  return view(row);
}

/**
 * Makes the feed's address and hands back its token, the only time it exists outside the
 * person's calendar app. Making one again replaces the old, which stops working at once.
 */
export async function createFeed(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<CreatedCalendarFeed> {
  const token = newToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, tokenHash: hashToken(token), createdAt: now })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash: hashToken(token), createdAt: now, lastFetchedAt: null },
    })
    .returning();
  return { feed: view(row), token };
}

/** Takes effect on the calendar app's next refresh: the address answers 404 from now on. */
export async function revokeFeed(db: Db, actor: Actor): Promise<CalendarFeedView> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
  return view(undefined);
}

// ─── The feed itself ───────────────────────────────────────────────────────────────────

/** Minutes after midnight used before the person chooses a check-in time. */
const DEFAULT_CHECK_IN_MINUTE = 19 * 60;
/** How far ahead the time zone's rules are written out; calendar apps refresh long before. */
const ZONE_YEARS_AHEAD = 3;

export interface CalendarStep {
  number: number;
  /** Already personalised, never with the ex's name. */
  title: string;
  paceDays: number;
  status: "open" | "locked";
  /** The local day an open step was opened. */
  openedOn: Day | null;
}

export interface CalendarInput {
  timeZone: string;
  discreet: boolean;
  checkInMinute: number;
  /** The local day the daily check-in starts repeating. */
  startDay: Day;
  steps: CalendarStep[];
  today: Day;
  now: Date;
  /** An anonymous id for the person, for stable event UIDs. */
  uidBase: string;
  appUrl: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateArray = (day: Day): DateArray => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m, d];
};
/** A wall-clock time in the zone, as iCalendar writes it ("20261126T190000"). */
const wallClock = (day: Day, minute: number) =>
  `${day.replaceAll("-", "")}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}00`;

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
};

/** The wall-clock time at `instant` under `offset`, as iCalendar writes a local time. */
function wallClockAt(instant: number, offset: number): string {
  const d = new Date(instant + offset * 60_000);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** Every change of UTC offset in `timeZone` between two instants, to the minute. */
export function offsetChanges(timeZone: string, from: number, to: number) {
  const offsetAt = (t: number) => tzOffset(timeZone, new Date(t));
  const changes: { at: number; from: number; to: number }[] = [];
  const STEP = 6 * 3_600_000;
  for (let t = from; t < to; t += STEP) {
    const before = offsetAt(t);
    const after = offsetAt(t + STEP);
    if (before === after) continue;
    let [lo, hi] = [t, t + STEP];
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    const at = Math.ceil(hi / 60_000) * 60_000;
    changes.push({ at, from: before, to: offsetAt(at) });
  }
  return changes;
}

/**
 * The zone's VTIMEZONE, written out from the runtime's own zone data for the years the
 * feed covers: iCalendar requires one for every TZID, and without it a calendar app has
 * to guess what "Europe/Paris" means.
 */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const first = tzOffset(timeZone, new Date(from));
  const changes = offsetChanges(timeZone, from, to);
  const standard = Math.min(first, ...changes.map((c) => c.to));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (at: number, fromOffset: number, toOffset: number) => {
    const kind = toOffset > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // An onset is written in the wall-clock time that was in force just before it.
      `DTSTART:${wallClockAt(at, fromOffset)}`,
      `TZOFFSETFROM:${formatOffset(fromOffset)}`,
      `TZOFFSETTO:${formatOffset(toOffset)}`,
      `END:${kind}`,
    );
  };
  observance(from, first, first);
  for (const change of changes) observance(change.at, change.from, change.to);
  lines.push("END:VTIMEZONE");
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The calendar: a daily check-in at the chosen time in the person's zone, and each step
 * still ahead over its suggested pace. Nothing in it names the ex, ever; in discreet mode
 * nothing says what the plan is about either, since calendars are shown on lock screens
 * and shared with others more easily than anything else.
 *
 * `ics` writes no TZID (github.com/adamgibbons/ics issue 52), so the check-in is written as
 * a wall-clock time and given its TZID and VTIMEZONE here: a daily event at 19:00 must stay
 * at 19:00 across daylight-saving changes, which a UTC time cannot do.
 */
export function buildCalendar(input: CalendarInput): string {
  const checkInStart = wallClock(input.startDay, input.checkInMinute);
  const checkIn: EventAttributes = {
    uid: `${input.uidBase}-check-in@calendar.local`,
    title: input.discreet ? "Check-in" : "Rekindle check-in",
    description: input.discreet
      ? undefined
      : `A minute for yourself: say how today is going. ${input.appUrl}/home`,
    start: checkInStart,
    duration: { minutes: 15 },
    recurrenceRule: "FREQ=DAILY",
    transp: "TRANSPARENT",
    classification: "PRIVATE",
    alarms: [
      {
        action: "display",
        description: input.discreet ? "Check-in" : "Rekindle check-in",
        trigger: { minutes: 0, before: true },
      },
    ],
  };

  const events: EventAttributes[] = [checkIn];
  let cursor = input.today;
  for (const step of input.steps) {
    const start =
      step.status === "open" && step.openedOn !== null
        ? step.openedOn
        : daysBetween(cursor, input.today) > 0
          ? input.today
          : cursor;
    const end = addDays(start, step.paceDays);
    // A step past its pace keeps a day from today, so it still shows as the next thing.
    const shownEnd = daysBetween(input.today, end) > 0 ? end : addDays(input.today, 1);
    events.push({
      uid: `${input.uidBase}-step-${step.number}@calendar.local`,
      title: input.discreet ? `Step ${step.number} of 7` : `Step ${step.number}: ${step.title}`,
      description: input.discreet
        ? undefined
        : `Suggested pace: about ${step.paceDays} days. ${input.appUrl}/plan/${step.number}`,
      start: dateArray(start),
      end: dateArray(shownEnd),
      transp: "TRANSPARENT",
      classification: "PRIVATE",
    });
    cursor = shownEnd;
  }

  const { error, value } = createEvents(events, {
    productId: input.discreet ? "-//Calendar feed//EN" : "-//Rekindle//Calendar feed//EN",
    calName: input.discreet ? "Reminders" : "Rekindle",
  });
  if (error || !value) throw error ?? new Error("the calendar could not be written");

  const from = Date.UTC(Number(input.startDay.slice(0, 4)), 0, 1);
  const to = input.now.getTime() + ZONE_YEARS_AHEAD * 365 * 86_400_000;
  const zone = `X-WR-TIMEZONE:${input.timeZone}\r\n${vtimezone(input.timeZone, from, to)}`;
  return value
    .replace("BEGIN:VEVENT\r\n", `${zone}BEGIN:VEVENT\r\n`)
    .replace(`DTSTART:${checkInStart}\r\n`, `DTSTART;TZID=${input.timeZone}:${checkInStart}\r\n`);
}

/**
 * The feed for a token, or null for an unknown or revoked one (the route answers 404
 * without saying which). Records when it was last fetched, so the owner sees it is in use.
 */
export async function calendarForToken(
  db: Db,
  token: string,
  options: { appUrl: string; now?: Date },
): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const now = options.now ?? new Date();
  const [feed] = await db
    .update(calendarFeeds)
    .set({ lastFetchedAt: now })
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .returning({ userId: calendarFeeds.userId });
  if (!feed) return null;
  const userId = feed.userId;

  const [[user], [settings], [journey]] = await Promise.all([
    db
      .select({ timeZone: users.timeZone, discreet: users.discreet })
      .from(users)
      .where(eq(users.id, userId)),
    db.select().from(reminderSettings).where(eq(reminderSettings.userId, userId)),
    db
      .select()
      .from(journeys)
      .where(and(eq(journeys.userId, userId), eq(journeys.status, "active"))),
  ]);
  if (!user) return null;
  const timeZone = user.timeZone;
  const today = localDay(now, timeZone);

  const steps: CalendarStep[] = [];
  if (journey) {
    const program = getProgram(journey.programVersion);
    // Never the name: the pronoun stands in even outside discreet mode.
    const person = { name: null, pronouns: journey.exPronouns as Pronouns };
    const progress = await db
      .select()
      .from(stepProgress)
      .where(and(eq(stepProgress.userId, userId), eq(stepProgress.journeyId, journey.id)))
      .orderBy(asc(stepProgress.stepNumber));
    for (const row of progress) {
      if (row.status === "done") continue;
      const step = getStep(program, row.stepNumber as StepNumber);
      steps.push({
        number: step.number,
        title: personalize(step.title, person),
        paceDays: step.paceDays,
        status: row.status,
        openedOn: row.openedAt ? localDay(row.openedAt, timeZone) : null,
      });
    }
  }

  return buildCalendar({
    timeZone,
    discreet: user.discreet,
    checkInMinute: settings?.checkInMinute ?? DEFAULT_CHECK_IN_MINUTE,
    startDay: localDay(settings?.createdAt ?? now, timeZone),
    steps,
    today,
    now,
    uidBase: createHash("sha256").update(userId).digest("base64url").slice(0, 16),
    appUrl: options.appUrl,
  });
}
