/**
 * Limits, labels and page sizes that pages need in the browser. They live apart from the
 * zod schemas that use them: a client component that imports anything from a schema module
 * brings the whole of zod (about 31 kB gzip) into its page, even for one constant. This
 * is their one home: server and client code alike import them from here.
 */

// ─── Requests ───────────────────────────────────────────────────────────────────────────

/**
 * The most calls one tRPC request may carry. The client's batch link sends at most this
 * many; the server refuses a larger batch with 400 before any call runs.
 */
export const TRPC_BATCH_MAX = 10;

// ─── Journal ────────────────────────────────────────────────────────────────────────────

/** The longest entry we keep. Long enough for a real outpouring, short enough to page. */
export const JOURNAL_BODY_MAX = 20_000;
/** A page of the list, unless the caller asks for another size. */
export const JOURNAL_PAGE_SIZE = 20;
/** Labels for moods 1–5, lowest first, for pictures and screen readers alike. */
export const MOOD_LABELS = ["Very low", "Low", "Okay", "Good", "Great"] as const;
export const moodLabel = (m: number) => MOOD_LABELS[m - 1] ?? "Unknown";

// ─── Buddies ────────────────────────────────────────────────────────────────────────────

export const BUDDY_LABEL_MAX = 60;
/** How far ahead a link's chosen last day may be: two years. */
export const BUDDY_EXPIRY_MAX_DAYS = 730;
export const ENCOURAGEMENT_NAME_MAX = 40;
export const ENCOURAGEMENT_MESSAGE_MAX = 500;
/** The owner's "thank you" to a buddy's note: a line or two, no more. */
export const BUDDY_THANKS_MAX = 200;

// ─── Drafts ─────────────────────────────────────────────────────────────────────────────

/**
 * How long a draft rests after its text last changed before it counts as ready. An hour is
 * long enough to read it again with fresh eyes, short enough not to lose the moment.
 */
export const DRAFT_COOL_DOWN_MINUTES = 60;
/** Long enough for any message worth sending; a pasted essay is refused with its length. */
export const DRAFT_MAX_CHARS = 5_000;

// ─── Contacts ───────────────────────────────────────────────────────────────────────────

export const CONTACT_NOTE_MAX = 2_000;
/** A page of the list, unless the caller asks for another size. */
export const CONTACTS_PAGE_SIZE = 20;
export const CONTACTS_PAGE_MAX = 50;

/** The same lists as the database enums; tests/unit/enums.test.ts holds them equal. */
export const CONTACT_CHANNELS = ["text", "call", "in_person", "social", "other"] as const;
export const CONTACT_INITIATORS = ["me", "them"] as const;
export const CONTACT_FEELINGS = ["good", "neutral", "hard"] as const;

export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ContactInitiator = (typeof CONTACT_INITIATORS)[number];
export type ContactFeeling = (typeof CONTACT_FEELINGS)[number];

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  text: "Text",
  call: "Call",
  in_person: "In person",
  social: "Social media",
  other: "Other",
};
export const FEELING_LABELS: Record<ContactFeeling, string> = {
  good: "Good",
  neutral: "Neutral",
  hard: "Hard",
};

// ─── Import ─────────────────────────────────────────────────────────────────────────────

/**
 * The largest export file the import takes, in bytes: years of daily entries, or several
 * hundred entries at the 20,000-character limit. Raised above the server's usual body cap
 * for this one door only (scripts/serve.ts), and checked in the browser before sending.
 */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;
