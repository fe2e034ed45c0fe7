import "#server-only";
import { and, asc, count, eq, gt, isNull, or, type Placeholder } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type BuddyLink, buddyLinks, supportedLinks } from "@/db/schema";
import type { BuddyView } from "@/lib/schemas/buddies";
import {
  type encourageSupportedInput,
  type SaveState,
  SUPPORTING_LIMIT,
  type SupportedPerson,
  type saveSupportedInput,
  type supportedIdInput,
} from "@/lib/schemas/supporting";
import { AppError } from "@/server/errors";
import {
  encourageLink,
  type LinkForView,
  linkGone,
  liveLink,
  nudgeLink,
  statusOf,
  viewFor,
  visitLink,
} from "./buddies";
import type { Actor } from "./common";

type SaveInput = z.output<typeof saveSupportedInput>;
type IdInput = z.output<typeof supportedIdInput>;
type EncourageInput = z.output<typeof encourageSupportedInput>;

const notOnList = () =>
  new AppError(
    "NOT_FOUND",
    "We couldn't find that person on your list. They may have been removed.",
  );

const mine = (actor: Actor) => eq(supportedLinks.supporterId, actor.userId);

/** The same rule as statusOf, as SQL: not revoked and not past its expiry. */
export const liveAt = (now: Date | Placeholder) =>
  and(
    isNull(buddyLinks.revokedAt),
    or(isNull(buddyLinks.expiresAt), gt(buddyLinks.expiresAt, now)),
  );

/**
 * The link behind one of the supporter's saved entries. Someone else's entry is simply
 * not found; the supporter's own entry on a revoked or expired link "no longer works".
 */
async function savedLink(db: Db, actor: Actor, id: string, now: Date): Promise<BuddyLink> {
  const [row] = await db
    .select({ link: buddyLinks })
    .from(supportedLinks)
    .innerJoin(buddyLinks, eq(buddyLinks.id, supportedLinks.linkId))
    .where(and(mine(actor), eq(supportedLinks.id, id)));
  if (!row) throw notOnList();
  if (statusOf(row.link, now) !== "active") throw linkGone();
  return row.link;
}

async function savedIdFor(db: Db, actor: Actor, linkId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: supportedLinks.id })
    .from(supportedLinks)
    .where(and(mine(actor), eq(supportedLinks.linkId, linkId)));
  return row?.id ?? null;
}

/**
 * Keeps a live buddy link on the signed-in person's home page. Only the link's id is
 * stored, never the token. Saving again answers with the entry already there.
 */
export async function saveLink(
  db: Db,
  actor: Actor,
  input: SaveInput,
  now = new Date(),
): Promise<{ id: string }> {
  const link = await liveLink(db, input.token, now);
  if (!link) throw linkGone();
  return saveLiveLink(db, actor, link, now);
}

/** saveLink for a link already looked up (and found live) by the caller. */
export async function saveLiveLink(
  db: Db,
  actor: Actor,
  link: BuddyLink,
  now = new Date(),
): Promise<{ id: string }> {
  if (link.userId === actor.userId) {
    throw new AppError(
      "BAD_REQUEST",
      "This is your own link: your progress is already on your home page. Send it to a friend instead.",
    );
  }
  const existing = await savedIdFor(db, actor, link.id);
  if (existing) return { id: existing };

  const [saved] = await db
    .select({ n: count() })
    .from(supportedLinks)
    .innerJoin(buddyLinks, eq(buddyLinks.id, supportedLinks.linkId))
    .where(and(mine(actor), liveAt(now)));
  if ((saved?.n ?? 0) >= SUPPORTING_LIMIT) {
    throw new AppError(
      "BAD_REQUEST",
      `You can keep up to ${SUPPORTING_LIMIT} people on your home. Remove someone to make room.`,
    );
  }

  const [row] = await db
    .insert(supportedLinks)
    .values({ supporterId: actor.userId, linkId: link.id, createdAt: now })
    .onConflictDoNothing({ target: [supportedLinks.supporterId, supportedLinks.linkId] })
    .returning({ id: supportedLinks.id });
  if (row) return row;
  // A second tap got there first.
  const raced = await savedIdFor(db, actor, link.id);
  if (!raced) throw linkGone();
  return { id: raced };
}

/**
 * What the buddy page's save form should offer the signed-in person, or null when the
 * token opens nothing (the page shows its 404 then anyway).
 */
export async function saveState(
  db: Db,
  actor: Actor,
  input: SaveInput,
  now = new Date(),
): Promise<SaveState | null> {
  const link = await liveLink(db, input.token, now);
  return link ? saveStateOf(db, actor, link) : null;
}

/** saveState for a link already looked up (and found live) by the caller. */
export async function saveStateOf(db: Db, actor: Actor, link: BuddyLink): Promise<SaveState> {
  if (link.userId === actor.userId) return { kind: "own" };
  const id = await savedIdFor(db, actor, link.id);
  return id ? { kind: "saved", id } : { kind: "unsaved" };
}

/**
 * The people the supporter keeps, in the order they were saved. Each is built from the
 * buddy page for its link, so the link's scope and the ex's-name rule hold here too.
 * Revoked and expired links are left out, not deleted: an expired link may be extended.
 */
export async function listSupported(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<SupportedPerson[]> {
  const rows = await db
    .select({ id: supportedLinks.id, link: buddyLinks })
    .from(supportedLinks)
    .innerJoin(buddyLinks, eq(buddyLinks.id, supportedLinks.linkId))
    .where(and(mine(actor), liveAt(now)))
    .orderBy(asc(supportedLinks.createdAt), asc(supportedLinks.id))
    .limit(SUPPORTING_LIMIT);
  return supportedPeople(db, rows, now);
}

/** Each saved entry as Home lists it, from the buddy page for its link (viewFor). */
export function supportedPeople(
  db: Db,
  rows: { id: string; link: LinkForView }[],
  now = new Date(),
): Promise<SupportedPerson[]> {
  return Promise.all(
    rows.map(async ({ id, link }) => {
      const view = await viewFor(db, link, now);
      return {
        id,
        ownerName: view.ownerName,
        currentStep: view.currentStep,
        stepsDone: view.stepsDone,
        stepsTotal: view.stepsTotal,
        progress: view.progress,
        daysSinceActive: view.daysSinceActive,
        quiet: view.quiet,
      };
    }),
  );
}

/** The buddy page for one saved entry. It is the buddy looking, so it counts as a visit. */
export async function supportedView(
  db: Db,
  actor: Actor,
  input: IdInput,
  now = new Date(),
  locale?: string,
): Promise<BuddyView> {
  return visitLink(db, await savedLink(db, actor, input.id, now), now, locale);
}

/** The buddy page's encouragement, sent from the supporter's home instead of the link. */
export async function encourageSupported(
  db: Db,
  actor: Actor,
  input: EncourageInput,
  now = new Date(),
  /** Counts the message against the limits (the router passes them); throws to refuse. */
  beforeSend: (link: BuddyLink) => Promise<void> = async () => {},
): Promise<{ id: string }> {
  const link = await savedLink(db, actor, input.id, now);
  await beforeSend(link);
  return encourageLink(db, link, { name: input.name, message: input.message }, now);
}

/** The buddy page's nudge, with the same rules: only when quiet, once a day per link. */
export async function nudgeSupported(
  db: Db,
  actor: Actor,
  input: IdInput,
  now = new Date(),
  beforeSend: (link: BuddyLink) => Promise<void> = async () => {},
): Promise<{ id: string }> {
  const link = await savedLink(db, actor, input.id, now);
  await beforeSend(link);
  return nudgeLink(db, link, now);
}

/** Takes the person off the supporter's home; the link itself is untouched. */
export async function removeSupported(
  db: Db,
  actor: Actor,
  input: IdInput,
): Promise<{ id: string }> {
  const [removed] = await db
    .delete(supportedLinks)
    .where(and(mine(actor), eq(supportedLinks.id, input.id)))
    .returning({ id: supportedLinks.id });
  if (!removed) throw notOnList();
  return removed;
}
