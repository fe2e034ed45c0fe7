import { Fragment } from "react";
import type { DashboardCalendar } from "@/lib/schemas/dashboard";
import { chunk, formatCount, longDay, monthName, plural, weekdayName } from "./format";

type CalendarDay = DashboardCalendar["days"][number];

/**
 * Shade per activity level: the accent mixed into the card's surface, stronger with more
 * (globals.css). Short classes rather than a style on each of the 84 cells: Home's HTML
 * and the payload React hydrates from each carried the colour 84 times.
 */
const LEVEL_FILL = ["bg-line", "bg-level-1", "bg-level-2", "bg-level-3", "bg-accent"] as const;

/** A day's square: its shade, a green inner ring on a pause day, a dark outer ring today. */
function cellClass(day: CalendarDay, today: boolean): string {
  const fill = day.future
    ? "bg-transparent"
    : day.paused && day.count === 0
      ? "bg-surface"
      : LEVEL_FILL[day.level];
  // A day still to come is outlined; a pause day's green ring covers that outline.
  const inner = day.paused
    ? "inset-ring-2 inset-ring-ok"
    : day.future
      ? "inset-ring inset-ring-line"
      : null;
  return ["aspect-square rounded-[3px]", fill, inner, today ? "ring-2 ring-ink" : null]
    .filter(Boolean)
    .join(" ");
}

/**
 * Twelve weeks of showing up, as a grid: one column a week (its first day at the top), darker for
 * busier days, ringed in green for a chosen pause day. Screen readers get the summary and a
 * table by week instead of 84 cells.
 */
export function ActivityCalendar({
  calendar,
  today,
  locale,
  className = "",
}: {
  calendar: DashboardCalendar;
  /** The language for day and month names and numbers. */
  locale: string;
  /** Outlines this day; usually the dashboard's `today`. */
  today?: string;
  className?: string;
}) {
  const weeks = chunk(calendar.days, 7);
  // Row labels from the first column, so they follow wherever the week begins; every other
  // one is left blank to keep the grid quiet.
  const rowLabels = (weeks[0] ?? []).map((d, i) => ({
    key: `label-${d.day}`,
    label: i % 2 === 0 ? weekdayName(d.day, locale) : "",
  }));
  const pauses = calendar.days.filter((d) => d.paused && !d.future).length;
  const summary = `Active on ${formatCount(calendar.activeDays, locale)} of the last ${plural(calendar.pastDays, "day", locale)}`;

  return (
    <figure className={`flex flex-col gap-3 ${className}`}>
      <figcaption className="text-sm text-muted">
        <span className="font-semibold text-ink">{summary}</span>
        {pauses > 0 ? `, with ${plural(pauses, "pause day", locale)}` : ""}.
      </figcaption>

      {/* One grid, filled a column (a week) at a time: the day names, then each week with
          its month. A grid per week inside a grid made Home's first layout slower. */}
      <div
        aria-hidden="true"
        className="grid grid-flow-col grid-cols-[auto_repeat(12,minmax(0,1fr))] grid-rows-[auto_repeat(7,auto)] gap-1 text-[10px] leading-none text-muted"
      >
        <span className="h-3" />
        {rowLabels.map(({ key, label }) => (
          <span key={key} className="flex items-center pt-px pr-1">
            {label}
          </span>
        ))}
        {weeks.map((week, i) => {
          const first = week[0]?.day ?? "";
          const previous = weeks[i - 1]?.[0]?.day;
          const newMonth = !previous || previous.slice(0, 7) !== first.slice(0, 7);
          return (
            <Fragment key={first}>
              <span className="h-3 overflow-visible whitespace-nowrap">
                {newMonth ? monthName(first, locale) : ""}
              </span>
              {week.map((day) => (
                <span key={day.day} className={cellClass(day, day.day === today)} />
              ))}
            </Fragment>
          );
        })}
      </div>

      <div
        aria-hidden="true"
        className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted"
      >
        <span className="flex items-center gap-1">
          Less
          {LEVEL_FILL.map((fill) => (
            <span key={fill} className={`size-3 rounded-[3px] ${fill}`} />
          ))}
          More
        </span>
        <span className="flex items-center gap-1">
          <span className="size-3 rounded-[3px] bg-surface inset-ring-2 inset-ring-ok" />
          Pause day
        </span>
      </div>

      <div className="sr-only">
        <table>
          <caption>{summary}, by week</caption>
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              <th scope="col">Active days</th>
              <th scope="col">Pause days</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => {
              const past = week.filter((d) => !d.future);
              if (past.length === 0) return null;
              return (
                <tr key={week[0]?.day}>
                  <th scope="row">{longDay(week[0]?.day ?? "", locale)}</th>
                  <td>{`${formatCount(past.filter((d) => d.count > 0).length, locale)} of ${formatCount(past.length, locale)}`}</td>
                  <td>{formatCount(past.filter((d) => d.paused).length, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
