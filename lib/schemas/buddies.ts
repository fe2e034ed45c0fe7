import { z } from "zod";
import { buddyThanksOutput } from "./buddy-mail";
import { calendarDay, freeText, maxChars, version } from "./common";
import {
  BUDDY_EXPIRY_MAX_DAYS,
  BUDDY_LABEL_MAX,
  ENCOURAGEMENT_MESSAGE_MAX,
  ENCOURAGEMENT_NAME_MAX,
} from "./plain";

/** Days without any activity after which the buddy page calls the owner quiet. */
export const QUIET_AFTER_DAYS = 3;
/** The newest shared entries the buddy page shows. */
export const BUDDY_JOURNAL_LIMIT = 20;

export const BUDDY_SCOPES = ["progress", "progress_and_journal"] as const;
export type BuddyScope = (typeof BUDDY_SCOPES)[number];

const id = z.uuid("We couldn't find that link.");

const label = freeText({ error: "Please give the link a name, like “my sister”." })
  .trim()
  .min(1, "Please give the link a name, like “my sister”.")
  .refine(
    ...maxChars(BUDDY_LABEL_MAX, `Please keep the name to ${BUDDY_LABEL_MAX} characters or fewer.`),
  );

const scope = z.enum(BUDDY_SCOPES, "Please choose what your buddy may see.");

/**
 * The latest last day a link may be given, as "YYYY-MM-DD": BUDDY_EXPIRY_MAX_DAYS from today
 * in UTC, plus a day so that no time zone's today is refused. The service checks the other
 * end (not before today) in the owner's own zone.
 */
function latestLastDay(now = Date.now()): string {
  return new Date(now + (BUDDY_EXPIRY_MAX_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
}

/** None, a number of days from now, or the last day the link works ("YYYY-MM-DD"). */
export const buddyExpiry = z.union(
  [
    z.enum(["none", "7", "30", "90"]),
    z.strictObject({
      date: calendarDay("Please choose a valid date.").refine(
        (v) => v <= latestLastDay(),
        "Please choose a date within the next two years.",
      ),
    }),
  ],
  { error: "Please choose when the link stops working." },
);
export type BuddyExpiry = z.infer<typeof buddyExpiry>;

const linkFields = {
  label,
  scope,
  expiry: buddyExpiry,
  showExName: z.boolean().default(false),
};

export const createBuddyLinkInput = z.strictObject({
  idempotencyKey: z.uuid("Please reload the page and try again."),
  ...linkFields,
});
export type CreateBuddyLinkInput = z.input<typeof createBuddyLinkInput>;

export const updateBuddyLinkInput = z.strictObject({ id, version, ...linkFields });
export type UpdateBuddyLinkInput = z.input<typeof updateBuddyLinkInput>;

export const buddyLinkIdInput = z.strictObject({ id });
export const encouragementIdInput = z.strictObject({
  id: z.uuid("We couldn't find that message."),
});
/** The messages the inbox just showed, marked read together: opening the inbox is reading. */
export const encouragementIdsInput = z.strictObject({
  ids: z.array(z.uuid("We couldn't find that message.")).min(1).max(100),
});

export const buddyLinkStatus = z.enum(["active", "revoked", "expired"]);

/** What the owner sees of a link: never the token, never its hash. */
export const buddyLinkOutput = z.object({
  id: z.string(),
  label: z.string(),
  scope,
  showExName: z.boolean(),
  status: buddyLinkStatus,
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastOpenedAt: z.date().nullable(),
  openCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.date(),
});
export type BuddyLinkView = z.infer<typeof buddyLinkOutput>;

/** The only moment the token exists outside the buddy's hands: right after creating it. */
export const createdBuddyLinkOutput = z.object({ link: buddyLinkOutput, token: z.string() });
export type CreatedBuddyLink = z.infer<typeof createdBuddyLinkOutput>;

export const buddyLinkListOutput = z.array(buddyLinkOutput);

export const inboxItemOutput = z.object({
  id: z.string(),
  linkId: z.string(),
  linkLabel: z.string(),
  kind: z.enum(["encouragement", "nudge"]),
  name: z.string().nullable(),
  message: z.string(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export const inboxOutput = z.object({
  items: z.array(inboxItemOutput),
  unread: z.number().int(),
});
export type Inbox = z.infer<typeof inboxOutput>;

/** What Home and the navigation show of the buddies' unread notes: the newest few and how many. */
export const unreadNotesOutput = z.object({
  count: z.number().int(),
  latest: z.array(inboxItemOutput),
});
export type UnreadNotes = z.infer<typeof unreadNotesOutput>;
export const markedReadOutput = z.object({ count: z.number().int() });

/**
 * Everything a buddy may see, and nothing else: the page, the preview and the tests parse
 * through it, so a field added to a query upstream cannot leak by accident.
 */
export const buddyViewOutput = z.strictObject({
  ownerName: z.string(),
  scope,
  currentStep: z.strictObject({ number: z.number().int(), title: z.string() }).nullable(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  /** 0–1: steps done out of all steps. */
  progress: z.number().min(0).max(1),
  streak: z.number().int(),
  /** The owner's last calendar day with any activity in the last 12 weeks, or null. */
  lastActiveDay: z.string().nullable(),
  daysSinceActive: z.number().int().nullable(),
  /** Days with activity this week, Monday to today. */
  activeDaysThisWeek: z.number().int(),
  quiet: z.boolean(),
  /** Whether a nudge may be sent now: quiet, and none sent on this link today. */
  canNudge: z.boolean(),
  /** Empty unless the scope includes the journal. */
  sharedEntries: z.array(
    z.strictObject({ mood: z.number().int(), day: z.string(), body: z.string() }),
  ),
});
export type BuddyView = z.infer<typeof buddyViewOutput>;

/** The owner's preview: the buddy's page, and the link as the owner's list shows it. */
/** The buddy page as its owner previews it: the view, and the thank-yous the buddy sees under it. */
export const buddyPreviewOutput = z.strictObject({
  link: buddyLinkOutput,
  view: buddyViewOutput,
  thanks: buddyThanksOutput,
});
export type BuddyPreview = z.infer<typeof buddyPreviewOutput>;

export const encouragementInput = z.strictObject({
  name: freeText()
    .trim()
    .refine(
      ...maxChars(
        ENCOURAGEMENT_NAME_MAX,
        `Please keep your name to ${ENCOURAGEMENT_NAME_MAX} characters or fewer.`,
      ),
    )
    .optional(),
  message: freeText({ error: "Please write a few words." })
    .trim()
    .min(1, "Please write a few words.")
    .refine(
      ...maxChars(
        ENCOURAGEMENT_MESSAGE_MAX,
        `Please keep your message to ${ENCOURAGEMENT_MESSAGE_MAX} characters or fewer.`,
      ),
    ),
});
export type EncouragementInput = z.input<typeof encouragementInput>;
