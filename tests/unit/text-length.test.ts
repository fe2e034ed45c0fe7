import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as buddies from "@/lib/schemas/buddies";
import * as contacts from "@/lib/schemas/contacts";
import { DRAFT_MAX_CHARS, draftBody } from "@/lib/schemas/drafts";
import { JOURNAL_BODY_MAX, journalBody } from "@/lib/schemas/journal";
import { CONTACT_NOTE_MAX } from "@/lib/schemas/plain";
import { textLength } from "@/lib/schemas/text";

/**
 * The counter under a text field and the server's limit count the same way: a person who
 * sees "5,000 / 5,000" can save, and one who sees "5,001" can't. Both use `textLength`.
 */

describe("textLength counts what a person sees", () => {
  it.each([
    ["plain letters", "hello", 5],
    ["an emoji", "👍", 1],
    ["an emoji with a skin tone", "👍🏽", 1],
    ["a family joined by zero-width joiners", "👩‍👩‍👧‍👦", 1],
    ["a flag", "🇮🇪", 1],
    ["e with a combining accent", "e\u0301", 1],
    ["Hebrew with vowel points", "שָׁלוֹם", 4],
    ["a Windows line break", "a\r\nb", 3],
    ["spaces at either end", "  hi  ", 2],
    ["U+0000 dropped as the server drops it", "a\u0000b", 2],
  ])("%s", (_name, text, expected) => {
    expect(textLength(text)).toBe(expected);
  });
});

describe("the server accepts exactly what the counter calls short enough", () => {
  // Graphemes of every kind: emoji sequences, combining marks, plain ASCII.
  const text = (maxLength: number) =>
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength }),
      fc.string({ unit: "grapheme-composite", maxLength }),
      fc.string({ unit: "grapheme-ascii", maxLength }),
    );

  test.prop([text(6), fc.integer({ min: -3, max: 3 })])(
    "drafts near the 5,000 limit: the schema's count is the counter's",
    (tail, offset) => {
      // Padding brings the count next to the limit; the random tail decides which side.
      const body = `${"x".repeat(DRAFT_MAX_CHARS - 3 + offset)}${tail}`;
      const counted = textLength(body);
      expect(draftBody.safeParse(body).success).toBe(counted >= 1 && counted <= DRAFT_MAX_CHARS);
    },
  );

  test.prop([text(40)])("journal entries, contact notes and link names", (value) => {
    const counted = textLength(value);
    expect(journalBody.safeParse(value).success).toBe(counted >= 1 && counted <= JOURNAL_BODY_MAX);
    expect(contacts.contactNote.safeParse(value).success).toBe(counted <= CONTACT_NOTE_MAX);
    const label = buddies.createBuddyLinkInput.shape.label.safeParse(value);
    expect(label.success).toBe(counted >= 1 && counted <= 60);
  });

  it("5,000 emoji fit a draft though they are 10,000 UTF-16 units, and 5,001 don't", () => {
    expect(draftBody.safeParse("👍".repeat(DRAFT_MAX_CHARS)).success).toBe(true);
    const over = draftBody.safeParse("👍".repeat(DRAFT_MAX_CHARS + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe(
      "Please keep your message to 5,000 characters or fewer; this one has 5,001.",
    );
  });
});
