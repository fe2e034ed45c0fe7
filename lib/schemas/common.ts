import { z } from "zod";
import { storable, textLength } from "./text";

export { storable, textLength };

/**
 * Building blocks every domain's schemas share, so a rule about what the database can hold
 * is written once: integers that fit a PostgreSQL integer, calendar dates that exist, and
 * text PostgreSQL can store.
 */

/** The largest value of a PostgreSQL `integer` (int4); one more is an error, not a miss. */
export const INT4_MAX = 2_147_483_647;

/**
 * The highest version a form can have been loaded from and still be saved: a save writes
 * version + 1, which must fit the column too.
 */
export const VERSION_MAX = INT4_MAX - 1;

/**
 * The version a form was loaded from. A version past int4 cannot be in the database, but
 * comparing one with the column (or writing it plus one) is an error in PostgreSQL, not a
 * mismatch: it is refused.
 */
export const version = z
  .number({ error: "Please reload the page and try again." })
  .int("Please reload the page and try again.")
  .min(1, "Please reload the page and try again.")
  .max(VERSION_MAX, "Please reload the page and try again.");

/**
 * A free-text field (an entry, a note, a draft, a label): a string whose U+0000 are dropped
 * before any other check, so limits count what is kept. Chain `.trim()`, `.min()`,
 * `.max()` after it as for any string.
 */
export const freeText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(storable);

/**
 * The refinement for "at most `limit` characters", counted as the form's counter counts them
 * (`textLength`): use it on free text instead of `.max()`, which counts UTF-16 code units
 * and so calls one emoji two characters. `message` may name the count it found.
 */
export const maxChars = (limit: number, message: string | ((found: number) => string)) =>
  [
    (value: string) => textLength(value) <= limit,
    {
      error: (issue: { input: unknown }) =>
        typeof message === "string"
          ? message
          : message(typeof issue.input === "string" ? textLength(issue.input) : 0),
    },
  ] as const;

/**
 * True for "YYYY-MM-DD" naming a day that exists (the same rule as lib/stats/days.ts's
 * isDay, kept here so schemas used by forms don't bring its time-zone library along).
 */
function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 30 February over to March: a real day reads back the same.
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/**
 * A real calendar day, "2026-09-14": not 30 February, which `Date.parse` rolls over to
 * March and PostgreSQL's `date` refuses.
 */
export const calendarDay = (message = "Please enter a date like 2026-09-14.") =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isDay, "That date doesn't exist. Please check the day and month.");

/** An instant to the microsecond, "2026-09-14T18:30:00.123456Z", that exists. */
const MICRO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where the next page of a list starts: the last row's time to the microsecond (a JS Date
 * keeps only milliseconds, which would skip or repeat rows) and its id, which breaks ties.
 * Only a cursor the server could have written passes: month 13 or 30 February would be a
 * PostgreSQL error, not an empty page.
 */
export const pageCursor = z
  .string()
  .max(100)
  .refine((v) => {
    const cut = v.indexOf("_");
    const at = MICRO_INSTANT.exec(v.slice(0, cut));
    return at !== null && isDay(at[1] ?? "") && UUID.test(v.slice(cut + 1));
  }, "This list is out of date. Please reload the page.");

/**
 * A page of a list, newest first: the cursor the last page ended at, and how many to send
 * (`size` unless asked, at most `max`, the refusal naming `things`).
 */
export const pageInput = (size: number, max: number, things: string) =>
  z
    .strictObject({
      cursor: pageCursor.nullish(),
      /** Sent by tRPC's infinite queries; only "forward" (older items) is offered. */
      direction: z.literal("forward").optional(),
      limit: z
        .number()
        .int()
        .min(1)
        .max(max, `Please ask for at most ${max} ${things} at a time.`)
        .default(size),
    })
    .default({ limit: size });

/** The answer of a procedure that deleted or touched one row: its id, nothing more. */
export const idOutput = z.object({ id: z.string() });
