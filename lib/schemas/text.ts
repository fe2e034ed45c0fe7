/**
 * How text is cleaned and counted, in one place for the server's limits and the browser's
 * counters alike. No zod here: a counter in a client component imports this alone.
 */
import { countGraphemes } from "unicode-segmenter/grapheme";

/** Half of a surrogate pair with no other half: not a character, and not valid UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text PostgreSQL can store as it was checked. PostgreSQL text cannot hold U+0000, which a
 * paste carries invisibly, so it is dropped rather than refused: the person could not see
 * what to remove. A lone surrogate (half an emoji, cut by a bad paste) would be turned into
 * U+FFFD by the driver anyway; doing it here keeps what is stored equal to what was counted.
 */
export function storable(value: string): string {
  const withoutNul = value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  return withoutNul.replace(LONE_SURROGATE, "\ufffd");
}

/**
 * How many characters a person sees in `text`: 👍, 👩‍👩‍👧 and é (e plus an accent) are one
 * each, and spaces at either end don't count. Every limit the server checks and every
 * counter a form shows uses this, so a text the counter calls short enough is accepted.
 */
export function textLength(text: string): number {
  const kept = storable(text).trim();
  // ASCII without \r (\r\n is one character) has one per code unit: no segmenter needed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant
  if (/^[\x00-\x0c\x0e-\x7f]*$/.test(kept)) return kept.length;
  // unicode-segmenter, not Intl.Segmenter: the built-in took 48 ms for a 20,000-character
  // entry here, too slow for a counter that runs on every key press.
  return countGraphemes(kept);
}
