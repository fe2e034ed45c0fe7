/**
 * Words and labels for the charts. Dates and numbers come from lib/stats/format in the
 * language the server settled for the request and passed down, so the server's HTML and the
 * browser's render agree; a day is the person's calendar day, never shifted by the device.
 */
export {
  countOf as plural,
  formatCount,
  formatDay as longDay,
  monthName,
  oneDecimal,
  shortDay,
  weekdayName,
} from "@/lib/stats/format";

/** A share of 0–1 in plain words: "none", "about a third", "half", "all". */
export function shareInWords(share: number): string {
  if (share <= 0) return "none";
  if (share >= 1) return "all";
  const near = (x: number) => Math.abs(share - x) < 0.04;
  if (near(0.5)) return "half";
  if (near(1 / 3)) return "about a third";
  if (near(2 / 3)) return "about two thirds";
  if (near(0.25)) return "about a quarter";
  if (near(0.75)) return "about three quarters";
  if (share < 0.5) return share < 0.2 ? "a few" : "less than half";
  return share > 0.8 ? "most" : "more than half";
}

/** The days split into consecutive groups of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
