/**
 * Words and labels for the charts. Fixed English names rather than the browser's locale, so
 * the server and the browser render the same text (no hydration mismatch) and a day is the
 * user's calendar day, never shifted by the device's zone.
 */
import { type Day, formatDay } from "@/lib/stats/days";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(day: Day): { year: number; month: number; date: number } {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return { year, month, date };
}

/** "15 Jul". */
export function shortDay(day: Day): string {
  const { month, date } = parts(day);
  return `${date} ${MONTHS[month - 1]}`;
}

/** "Jul". */
export function monthName(day: Day): string {
  return MONTHS[parts(day).month - 1] ?? "";
}

/** "Wednesday 15 July". */
export const longDay = formatDay;

/** "1 day", "3 days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

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

/** "3.4" for a mood average, "4" for a whole one. */
export function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The days split into consecutive groups of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
