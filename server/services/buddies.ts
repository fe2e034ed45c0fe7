import "#server-only";
import {
  and,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import {
  type BuddyLink,
  buddyLinks,
  buddySubscriptions,
  encouragements,
  journalEntries,
  users,
} from "@/db/schema";
import { getProgram, getStep, personalize, type StepNumber } from "@/lib/program";
import {
  BUDDY_JOURNAL_LIMIT,
  type BuddyExpiry,
  type BuddyLinkView,
  type BuddyPreview,
  type BuddyView,
  type buddyLinkIdInput,
  buddyViewOutput,
  type CreatedBuddyLink,
  type createBuddyLinkInput,
  type encouragementIdInput,
  type encouragementIdsInput,
  encouragementInput,
  type Inbox,
  QUIET_AFTER_DAYS,
  type UnreadNotes,
  type updateBuddyLinkInput,
} from "@/lib/schemas/buddies";
import { type BuddyThanks, type BuddyUpdates, buddyThanksOutput } from "@/lib/schemas/buddy-mail";
import {
  addDays,
  daysBetween,
  FALLBACK_LOCALE,
  localDay,
  startOfLocalDay,
  weekStartFor,
  weekStartOf,
} from "@/lib/stats";
import { AppError } from "@/server/errors";
import { queueNotePush } from "@/server/push/jobs";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import { type Actor, notFound, staleVersion, type Tx } from "./common";
import { asInstant, fromJson, readDashboard } from "./dashboard";

type CreateInput = z.output<typeof createBuddyLinkInput>;
type UpdateInput = z.output<typeof updateBuddyLinkInput>;
type LinkIdInput = z.output<typeof buddyLinkIdInput>;
type MessageIdInput = z.output<typeof encouragementIdInput>;
type MessageIdsInput = z.output<typeof encouragementIdsInput>;

const WHAT = "link";
const DAY_MS = 24 * 60 * 60 * 1000;

// ─── Tokens ────────────────────────────────────────────────────────────────────────────

/** 32 random bytes, base64url: 43 characters. */

// ─── Link state ────────────────────────────────────────────────────────────────────────

export function statusOf(link: Pick<BuddyLink, "revokedAt" | "expiresAt">, now: Date) {
  if (link.revokedAt) return "revoked" as const;
  if (link.expiresAt && link.expiresAt <= now) return "expired" as const;
  return "active" as const;
}

function linkView(link: BuddyLink, now = new Date()): BuddyLinkView {
  return {
    id: link.id,
    label: link.label,
    scope: link.scope,
    showExName: link.showExName,
    status: statusOf(link, now),
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    lastOpenedAt: link.lastOpenedAt,
    openCount: link.openCount,
    version: link.version,
    createdAt: link.createdAt,
  };
}

async function ownerTimeZone(db: Tx, userId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return row?.timeZone ?? "UTC";
}

/** A chosen date means the link works through that whole day, in the owner's own zone. */
function expiryAt(expiry: BuddyExpiry, timeZone: string, now: Date): Date | null {
  if (expiry === "none") return null;
  if (typeof expiry === "string") {
    return new Date(now.getTime() + Number(expiry) * 24 * 60 * 60 * 1000);
  }
  const at = startOfLocalDay(addDays(expiry.date, 1), timeZone);
  if (at <= now) {
    throw new AppError("BAD_REQUEST", "Please choose a date from today onwards.", "expiry");
  }
  return at;
}

const owned = (actor: Actor, id: string) =>
  and(eq(buddyLinks.userId, actor.userId), eq(buddyLinks.id, id));

// ─── Owner: links ──────────────────────────────────────────────────────────────────────

/**
 * Makes a link and hands back its token, the only time it exists outside the buddy's
 * hands. A retried create with the same key answers CONFLICT rather than a second token:
 * the first one was never stored, so it cannot be shown again.
 */
export async function createLink(
  db: Db,
  actor: Actor,
  input: CreateInput,
  now = new Date(),
): Promise<CreatedBuddyLink> {
  const timeZone = await ownerTimeZone(db, actor.userId);
  const token = newToken();
  const [created] = await db
    .insert(buddyLinks)
    .values({
      userId: actor.userId,
      label: input.label,
      scope: input.scope,
      showExName: input.showExName,
      tokenHash: hashToken(token),
      expiresAt: expiryAt(input.expiry, timeZone, now),
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [buddyLinks.userId, buddyLinks.idempotencyKey] })
    .returning();
  if (!created) {
    throw new AppError(
      "CONFLICT",
      "This link was already made, and its address can't be shown again. Revoke it from your list and make a new one if you need to.",
    );
  }
  return { link: linkView(created, now), token };
}

export async function listLinks(db: Db, actor: Actor, now = new Date()): Promise<BuddyLinkView[]> {
  const rows = await db
    .select()
    .from(buddyLinks)
    .where(eq(buddyLinks.userId, actor.userId))
    .orderBy(desc(buddyLinks.createdAt));
  return rows.map((row) => linkView(row, now));
}

/** Changes what a live link shows or how long it lasts; a revoked link stays revoked. */
export async function updateLink(
  db: Db,
  actor: Actor,
  input: UpdateInput,
  now = new Date(),
): Promise<BuddyLinkView> {
  const [current] = await db.select().from(buddyLinks).where(owned(actor, input.id));
  if (!current) throw notFound(WHAT);
  if (current.revokedAt) {
    throw new AppError("BAD_REQUEST", "This link was revoked. Make a new one instead.");
  }
  const timeZone = await ownerTimeZone(db, actor.userId);
  const [saved] = await db
    .update(buddyLinks)
    .set({
      label: input.label,
      scope: input.scope,
      showExName: input.showExName,
      expiresAt: expiryAt(input.expiry, timeZone, now),
      version: input.version + 1,
      updatedAt: now,
    })
    .where(
      and(
        owned(actor, input.id),
        eq(buddyLinks.version, input.version),
        isNull(buddyLinks.revokedAt),
      ),
    )
    .returning();
  if (!saved) throw staleVersion(WHAT);
  return linkView(saved, now);
}

/** Takes effect on the buddy's very next request. Revoking twice keeps the first time. */
export async function revokeLink(
  db: Tx,
  actor: Actor,
  input: LinkIdInput,
  now = new Date(),
): Promise<BuddyLinkView> {
  const [current] = await db.select().from(buddyLinks).where(owned(actor, input.id));
  if (!current) throw notFound(WHAT);
  if (current.revokedAt) return linkView(current, now);
  const [saved] = await db
    .update(buddyLinks)
    .set({ revokedAt: now, updatedAt: now, version: current.version + 1 })
    .where(owned(actor, input.id))
    .returning();
  if (!saved) throw notFound(WHAT);
  return linkView(saved, now);
}

/**
 * Removes a link that no longer works (revoked, or past its end) for good, with every note
 * sent through it. A working link must be revoked first: one tap never takes a page away
 * from a buddy who is reading it.
 */
export async function removeLink(
  db: Db,
  actor: Actor,
  input: LinkIdInput,
  now = new Date(),
): Promise<{ id: string }> {
  const [current] = await db.select().from(buddyLinks).where(owned(actor, input.id));
  if (!current) throw notFound(WHAT);
  if (statusOf(current, now) === "active") {
    throw new AppError("CONFLICT", "This link still works. Please revoke it before removing it.");
  }
  // Its notes go with it: encouragements reference the link with ON DELETE CASCADE.
  await db.delete(buddyLinks).where(owned(actor, input.id));
  return { id: current.id };
}

/**
 * Exactly what the buddy sees on this link right now, without counting as a visit, with the
 * link as its owner's list shows it. Three statements: the person's own link with its owner
 * (previewStatement), then the dashboard's two.
 */
export async function previewLink(
  db: Db,
  actor: Actor,
  input: LinkIdInput,
  now = new Date(),
  locale = FALLBACK_LOCALE,
): Promise<BuddyPreview> {
  const [row] = await prepared(db, "buddy_preview", () => previewStatement(db)).execute({
    id: input.id,
    userId: actor.userId,
    recent: new Date(now.getTime() - 2 * DAY_MS).toISOString(),
  });
  if (!row) throw notFound(WHAT);
  const link = row.link as BuddyLink;
  return {
    link: linkView(link, now),
    view: await viewOf(db, link, row.owner, now, locale),
    thanks: thanksShown(row.thanks, row.owner.timeZone),
  };
}

/** The newest thank-yous a buddy page shows. */
const THANKS_SHOWN = 5;

interface ThanksRow {
  thanks: string | null;
  thankedAt: Date | string | null;
  createdAt: Date | string;
}

/**
 * Thank-yous as a buddy page shows them, dated on the owner's calendar like the rest of the
 * page. Parsed through their output schema, so only these fields reach a buddy.
 */
function thanksShown(rows: readonly ThanksRow[], timeZone: string): BuddyThanks {
  return buddyThanksOutput.parse(
    rows.flatMap((r) =>
      r.thanks && r.thankedAt
        ? [
            {
              thanks: r.thanks,
              day: localDay(new Date(r.thankedAt), timeZone),
              noteDay: localDay(new Date(r.createdAt), timeZone),
            },
          ]
        : [],
    ),
  );
}

/** The link's newest thank-yous as one column, for a statement that reads the link. */
function thanksColumn(linkId: SQLWrapper, ownerId: SQLWrapper) {
  return sql`(
      select coalesce(json_agg(json_build_object(
        'thanks', t.thanks, 'thankedAt', t.thanked_at, 'createdAt', t.created_at
      ) order by t.thanked_at desc), '[]'::json)
      from (
        select ${encouragements.thanks} as thanks, ${encouragements.thankedAt} as thanked_at,
          ${encouragements.createdAt} as created_at
        from ${encouragements}
        where ${and(
          eq(encouragements.linkId, linkId),
          eq(encouragements.userId, ownerId),
          isNotNull(encouragements.thankedAt),
        )}
        order by ${encouragements.thankedAt} desc
        limit ${sql.raw(String(THANKS_SHOWN))}
      ) t
    )`.mapWith(fromJson<ThanksRow[]>);
}

/** Whether the link's buddy hears by e-mail, as its page says it: one column. */
function updatesColumn(linkId: SQLWrapper) {
  return sql<BuddyUpdates>`(
      select case
        when bool_or(${buddySubscriptions.confirmedAt} is not null) then 'on'
        when count(*) > 0 then 'pending'
        else 'off'
      end
      from ${buddySubscriptions}
      where ${eq(buddySubscriptions.linkId, linkId)}
    )`;
}

// ─── Owner: inbox ──────────────────────────────────────────────────────────────────────

const INBOX_LIMIT = 100;

const inboxColumns = {
  id: encouragements.id,
  linkId: encouragements.linkId,
  linkLabel: buddyLinks.label,
  kind: encouragements.kind,
  name: encouragements.name,
  message: encouragements.message,
  readAt: encouragements.readAt,
  createdAt: encouragements.createdAt,
};

export async function inbox(db: Db, actor: Actor): Promise<Inbox> {
  // One statement: the unread count is a window over all the person's notes, taken before
  // the limit (no notes at all means none unread).
  const rows = await db
    .select({
      ...inboxColumns,
      unread: sql<number>`count(*) filter (where ${isNull(encouragements.readAt)}) over ()`.mapWith(
        Number,
      ),
    })
    .from(encouragements)
    .innerJoin(buddyLinks, eq(buddyLinks.id, encouragements.linkId))
    .where(eq(encouragements.userId, actor.userId))
    .orderBy(desc(encouragements.createdAt), desc(encouragements.id))
    .limit(INBOX_LIMIT);
  return {
    items: rows.map(({ unread: _unread, ...item }) => item),
    unread: rows[0]?.unread ?? 0,
  };
}

/** Home shows the newest few. */
const UNREAD_SHOWN = 3;

/**
 * The unread notes for Home and the count for the navigation's badge, in one statement:
 * the window count is taken before the limit, so it counts them all. Every signed-in page
 * sends it, so it stays one indexed read.
 */
export async function unreadNotes(db: Db, actor: Actor): Promise<UnreadNotes> {
  const rows = await db
    .select({ ...inboxColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(encouragements)
    .innerJoin(buddyLinks, eq(buddyLinks.id, encouragements.linkId))
    .where(and(eq(encouragements.userId, actor.userId), isNull(encouragements.readAt)))
    .orderBy(desc(encouragements.createdAt), desc(encouragements.id))
    .limit(UNREAD_SHOWN);
  return {
    count: rows[0]?.total ?? 0,
    latest: rows.map(({ total: _total, ...note }) => note),
  };
}

/** Marks the messages the inbox showed as read; ids of others or of deleted ones are skipped. */
export async function markAllRead(
  db: Db,
  actor: Actor,
  input: MessageIdsInput,
  now = new Date(),
): Promise<{ count: number }> {
  const marked = await db
    .update(encouragements)
    .set({ readAt: now })
    .where(
      and(
        eq(encouragements.userId, actor.userId),
        inArray(encouragements.id, input.ids),
        isNull(encouragements.readAt),
      ),
    )
    .returning({ id: encouragements.id });
  return { count: marked.length };
}

const ownedMessage = (actor: Actor, id: string) =>
  and(eq(encouragements.userId, actor.userId), eq(encouragements.id, id));

export async function markRead(
  db: Db,
  actor: Actor,
  input: MessageIdInput,
  now = new Date(),
): Promise<{ id: string }> {
  const [row] = await db
    .select({ id: encouragements.id, readAt: encouragements.readAt })
    .from(encouragements)
    .where(ownedMessage(actor, input.id));
  if (!row) throw notFound("message");
  if (!row.readAt) {
    await db.update(encouragements).set({ readAt: now }).where(ownedMessage(actor, input.id));
  }
  return { id: row.id };
}

export async function deleteMessage(
  db: Db,
  actor: Actor,
  input: MessageIdInput,
): Promise<{ id: string }> {
  const [deleted] = await db
    .delete(encouragements)
    .where(ownedMessage(actor, input.id))
    .returning({ id: encouragements.id });
  if (!deleted) throw notFound("message");
  return deleted;
}

// ─── The buddy's side ──────────────────────────────────────────────────────────────────

/** The live link a token opens, or null: unknown, revoked and expired look the same. */
export async function liveLink(db: Tx, token: string, now: Date): Promise<BuddyLink | null> {
  if (!isTokenShaped(token)) return null;
  const [link] = await db
    .select()
    .from(buddyLinks)
    .where(eq(buddyLinks.tokenHash, hashToken(token)));
  if (!link || statusOf(link, now) !== "active") return null;
  return link;
}

/** Whether this link already sent a nudge on the owner's current calendar day. */
async function nudgedToday(db: Tx, link: BuddyLink, timeZone: string, now: Date) {
  const since = startOfLocalDay(localDay(now, timeZone), timeZone);
  const [row] = await db
    .select({ id: encouragements.id })
    .from(encouragements)
    .where(
      and(
        eq(encouragements.linkId, link.id),
        eq(encouragements.kind, "nudge"),
        gte(encouragements.createdAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const ownerParams = {
  owner: sql.placeholder("owner"),
  link: sql.placeholder("link"),
  journal: sql.placeholder("journal"),
  recent: sql.placeholder("recent"),
};

/**
 * The owner as the buddy page needs them, in one statement: their row, the link's latest
 * nudge of the last two days (whether it was today depends on the owner's zone, worked out
 * after), and, when the link shares the journal, the newest shared entries as json.
 */
function ownerColumns(
  link: SQLWrapper,
  journal: SQLWrapper = sql`${ownerParams.journal}::boolean`,
) {
  const o = ownerParams;
  return {
    displayName: users.displayName,
    timeZone: users.timeZone,
    discreet: users.discreet,
    weekStart: users.weekStart,
    lastNudgeAt: sql`(
        select max(${encouragements.createdAt}) from ${encouragements}
        where ${and(
          eq(encouragements.linkId, link),
          eq(encouragements.kind, "nudge"),
          gte(encouragements.createdAt, o.recent),
        )}
      )`.mapWith(asInstant),
    entries: sql`(case when ${journal} then (
        select coalesce(json_agg(json_build_object(
          'mood', e.mood, 'createdAt', e.created_at, 'body', e.body
        ) order by e.created_at desc, e.id desc), '[]'::json)
        from (
          select ${journalEntries.id} as id, ${journalEntries.mood} as mood,
            ${journalEntries.createdAt} as created_at, ${journalEntries.body} as body
          from ${journalEntries}
          where ${and(eq(journalEntries.userId, users.id), eq(journalEntries.sharedWithBuddies, true))}
          order by ${journalEntries.createdAt} desc, ${journalEntries.id} desc
          limit ${sql.raw(String(BUDDY_JOURNAL_LIMIT))}
        ) e
      ) else '[]'::json end)`.mapWith(
      fromJson<{ mood: number; createdAt: string; body: string }[]>,
    ),
  };
}

function ownerStatement(db: Db) {
  return db
    .select(ownerColumns(ownerParams.link))
    .from(users)
    .where(eq(users.id, ownerParams.owner))
    .prepare("buddy_owner");
}

/** The owner as viewFor needs them. */
type Owner = Awaited<ReturnType<ReturnType<typeof ownerStatement>["execute"]>>[number];

const ownerValues = (link: LinkForView, now: Date) => ({
  owner: link.userId,
  link: link.id,
  journal: link.scope === "progress_and_journal",
  recent: new Date(now.getTime() - 2 * DAY_MS).toISOString(),
});

/**
 * The buddy page's one read of its link, in one statement: the live link the token opens,
 * counted as a visit (the count is kept in the database, so two buddies opening the page at
 * once are two visits), with its owner as viewFor needs them, its thank-yous and whether its
 * buddy gets e-mail updates. Null for an unknown, revoked or expired link, which is not
 * counted.
 */
function openStatement(db: Db) {
  const visited = db.$with("visited").as(
    db
      .update(buddyLinks)
      .set({
        lastOpenedAt: sql`${sql.placeholder("now")}::timestamptz`,
        openCount: sql`${buddyLinks.openCount} + 1`,
      })
      .where(
        and(
          eq(buddyLinks.tokenHash, sql.placeholder("tokenHash")),
          isNull(buddyLinks.revokedAt),
          or(isNull(buddyLinks.expiresAt), gt(buddyLinks.expiresAt, sql.placeholder("now"))),
        ),
      )
      .returning(),
  );
  return db
    .with(visited)
    .select({
      link: visited._.selectedFields,
      owner: ownerColumns(visited.id, eq(visited.scope, "progress_and_journal")),
      thanks: thanksColumn(visited.id, visited.userId),
      updates: updatesColumn(visited.id),
    })
    .from(visited)
    .innerJoin(users, eq(users.id, visited.userId))
    .prepare("buddy_open");
}

/** The person's own link, any status, with its owner as viewOf needs them: one statement. */
function previewStatement(db: Db) {
  return db
    .select({
      link: getTableColumns(buddyLinks),
      owner: ownerColumns(buddyLinks.id, eq(buddyLinks.scope, "progress_and_journal")),
      thanks: thanksColumn(buddyLinks.id, buddyLinks.userId),
    })
    .from(buddyLinks)
    .innerJoin(users, eq(users.id, buddyLinks.userId))
    .where(
      and(
        eq(buddyLinks.id, sql.placeholder("id")),
        eq(buddyLinks.userId, sql.placeholder("userId")),
      ),
    )
    .prepare("buddy_preview");
}

export interface OpenedLink {
  link: BuddyLink;
  owner: Owner;
  thanks: BuddyThanks;
  updates: BuddyUpdates;
}

/** The buddy page's link, opened: see openStatement. */
export async function openLink(db: Db, token: string, now: Date): Promise<OpenedLink | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await prepared(db, "buddy_open", () => openStatement(db)).execute({
    tokenHash: hashToken(token),
    now: now.toISOString(),
    recent: new Date(now.getTime() - 2 * DAY_MS).toISOString(),
  });
  if (!row) return null;
  const { owner, updates } = row;
  return {
    link: row.link as BuddyLink,
    owner,
    thanks: thanksShown(row.thanks, owner.timeZone),
    updates,
  };
}

/** The buddy page for a link openLink opened: two statements, the owner's dashboard. */
export function openedView(db: Db, { link, owner }: OpenedLink, now: Date, locale?: string) {
  return viewOf(db, link, owner, now, locale);
}

/** What viewFor reads of a link. */
export type LinkForView = Pick<BuddyLink, "id" | "userId" | "scope" | "showExName">;

/**
 * Builds the buddy page from the owner's dashboard, then parses it through
 * buddyViewOutput, so only the fields listed there can ever reach the buddy. Three
 * statements: the owner, then the dashboard's two.
 */
export async function viewFor(
  db: Db,
  link: LinkForView,
  now: Date,
  locale = FALLBACK_LOCALE,
): Promise<BuddyView> {
  const [owner] = await prepared(db, "buddy_owner", () => ownerStatement(db)).execute(
    ownerValues(link, now),
  );
  if (!owner) throw notFound(WHAT);
  return viewOf(db, link, owner, now, locale);
}

async function viewOf(
  db: Db,
  link: LinkForView,
  owner: Owner,
  now: Date,
  locale = FALLBACK_LOCALE,
): Promise<BuddyView> {
  // The owner's chosen first day holds; "auto" follows the language of whoever is looking.
  const weekStartsOn = weekStartFor(owner.weekStart, locale);
  const { dashboard, journey } = await readDashboard(
    db,
    { userId: link.userId },
    { timeZone: owner.timeZone, now, weekStartsOn },
  );
  const since = startOfLocalDay(localDay(now, owner.timeZone), owner.timeZone);
  const alreadyNudged = owner.lastNudgeAt !== null && owner.lastNudgeAt >= since;
  const entries = owner.entries.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));

  let currentStep: BuddyView["currentStep"] = null;
  const open = dashboard.journey?.currentStep;
  if (open && journey) {
    // Titled afresh rather than taken from the dashboard, which always uses the name.
    // Discreet mode hides the name here too, whatever the link allows.
    const person = {
      name: link.showExName && !owner.discreet ? journey.exName : null,
      pronouns: journey.exPronouns,
    };
    const step = getStep(getProgram(journey.programVersion), open.number as StepNumber);
    // In discreet mode the step goes by its number alone: its title says what the plan is.
    currentStep = {
      number: step.number,
      title: owner.discreet ? "" : personalize(step.title, person),
    };
  }

  const today = dashboard.today;
  const active = dashboard.calendar.days.filter((d) => d.count > 0 && d.day <= today);
  const lastActiveDay = active.at(-1)?.day ?? null;
  const daysSinceActive = lastActiveDay === null ? null : daysBetween(lastActiveDay, today);
  const quiet = daysSinceActive === null || daysSinceActive >= QUIET_AFTER_DAYS;
  const weekStart = weekStartOf(today, weekStartsOn);

  return buddyViewOutput.parse({
    ownerName: owner.displayName,
    scope: link.scope,
    currentStep,
    stepsDone: dashboard.journey?.stepsDone ?? 0,
    stepsTotal: dashboard.journey?.stepsTotal ?? 0,
    progress: dashboard.journey?.progress.steps ?? 0,
    streak: dashboard.streak.current,
    lastActiveDay,
    daysSinceActive,
    activeDaysThisWeek: active.filter((d) => d.day >= weekStart).length,
    quiet,
    canNudge: quiet && !alreadyNudged,
    sharedEntries: entries.map((e) => ({
      mood: e.mood,
      day: localDay(e.createdAt, owner.timeZone),
      body: e.body,
    })),
  });
}

/**
 * The page a token opens, or null for an unknown, revoked or expired link (the page shows
 * the same 404 for all three). Each view is counted for the owner's list.
 */
export async function buddyView(
  db: Db,
  token: string,
  now = new Date(),
): Promise<BuddyView | null> {
  const link = await liveLink(db, token, now);
  if (!link) return null;
  return visitLink(db, link, now);
}

/** The buddy page for a live link, counted as a visit for the owner's list. */
export async function visitLink(
  db: Db,
  link: BuddyLink,
  now = new Date(),
  locale = FALLBACK_LOCALE,
): Promise<BuddyView> {
  const view = await viewFor(db, link, now, locale);
  await db
    .update(buddyLinks)
    // Counted in the database: two buddies opening the page at once are two visits.
    .set({ lastOpenedAt: now, openCount: sql`${buddyLinks.openCount} + 1` })
    .where(eq(buddyLinks.id, link.id));
  return view;
}

export const linkGone = () => new AppError("NOT_FOUND", "This link no longer works.");

/** A few kind words from the buddy; plain text, stored as written (React escapes it). */
export async function sendEncouragement(
  db: Db,
  token: string,
  raw: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const link = await liveLink(db, token, now);
  if (!link) throw linkGone();
  return encourageLink(db, link, raw, now);
}

/** sendEncouragement for a live link already found (by its token or a saved entry). */
export async function encourageLink(
  db: Db,
  link: BuddyLink,
  raw: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const parsed = encouragementInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "BAD_REQUEST",
      issue?.message ?? "Please check your message.",
      issue?.path.join(".") || undefined,
    );
  }
  const [row] = await db
    .insert(encouragements)
    .values({
      linkId: link.id,
      userId: link.userId,
      kind: "encouragement",
      name: parsed.data.name || null,
      message: parsed.data.message,
      createdAt: now,
    })
    .returning({ id: encouragements.id });
  if (!row) throw linkGone();
  await queueNotePush(db, link.userId, "encouragement", now);
  return row;
}

/**
 * A wordless "thinking of you", only once the owner has been quiet for three days, and at
 * most once a day per link. The link row is locked so two taps make one nudge.
 */
export async function sendNudge(db: Db, token: string, now = new Date()): Promise<{ id: string }> {
  const link = await liveLink(db, token, now);
  if (!link) throw linkGone();
  return nudgeLink(db, link, now);
}

/** sendNudge for a live link already found (by its token or a saved entry). */
export async function nudgeLink(
  db: Db,
  link: BuddyLink,
  now = new Date(),
): Promise<{ id: string }> {
  const view = await viewFor(db, link, now);
  if (!view.quiet) {
    throw new AppError("BAD_REQUEST", `${view.ownerName} has been active lately: no nudge needed.`);
  }
  return db.transaction(async (tx) => {
    await tx
      .select({ id: buddyLinks.id })
      .from(buddyLinks)
      .where(eq(buddyLinks.id, link.id))
      .for("update");
    const timeZone = await ownerTimeZone(tx, link.userId);
    if (await nudgedToday(tx, link, timeZone, now)) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        "A nudge was already sent today. Try again tomorrow.",
      );
    }
    const [row] = await tx
      .insert(encouragements)
      .values({ linkId: link.id, userId: link.userId, kind: "nudge", message: "", createdAt: now })
      .returning({ id: encouragements.id });
    if (!row) throw linkGone();
    await queueNotePush(tx, link.userId, "nudge", now);
    return row;
  });
}
