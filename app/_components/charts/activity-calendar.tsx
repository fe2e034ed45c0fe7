import type { DashboardCalendar } from "@/lib/schemas/dashboard";
import { chunk, formatCount, longDay, monthName, plural, weekdayName } from "./format";

type CalendarDay = DashboardCalendar["days"][number];

/** Shade per activity level: the accent mixed into the card's surface, stronger with more. */
const LEVEL_FILL = [
  "var(--color-line)",
  "color-mix(in oklab, var(--color-accent) 30%, var(--color-surface))",
  "color-mix(in oklab, var(--color-accent) 55%, var(--color-surface))",
  "color-mix(in oklab, var(--color-accent) 78%, var(--color-surface))",
  "var(--color-accent)",
] as const;

function cellStyle(day: CalendarDay, today: boolean): React.CSSProperties {
  const rings: string[] = [];
  if (day.paused) rings.push("inset 0 0 0 2px var(--color-ok)");
  if (today) rings.push("0 0 0 2px var(--color-ink)");
  if (day.future) {
    return {
      background: "transparent",
      boxShadow: [...rings, "inset 0 0 0 1px var(--color-line)"].join(", "),
    };
  }
  return {
    background: day.paused && day.count === 0 ? "var(--color-surface)" : LEVEL_FILL[day.level],
    boxShadow: rings.join(", ") || undefined,
  };
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
    key: d.day,
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

      <div aria-hidden="true" className="flex gap-2">
        <div className="grid grid-rows-[auto_repeat(7,1fr)] gap-1 pt-px text-[10px] leading-none text-muted">
          <span className="h-3" />
          {rowLabels.map(({ key, label }) => (
            <span key={key} className="flex items-center">
              {label}
            </span>
          ))}
        </div>
        <div className="grid flex-1 grid-cols-12 gap-1">
          {weeks.map((week, i) => {
            const first = week[0]?.day ?? "";
            const previous = weeks[i - 1]?.[0]?.day;
            const newMonth = !previous || previous.slice(0, 7) !== first.slice(0, 7);
            return (
              <div key={first} className="grid grid-rows-[auto_repeat(7,1fr)] gap-1">
                <span className="h-3 overflow-visible text-[10px] leading-none whitespace-nowrap text-muted">
                  {newMonth ? monthName(first, locale) : ""}
                </span>
                {week.map((day) => (
                  <span
                    key={day.day}
                    className="aspect-square rounded-[3px]"
                    style={cellStyle(day, day.day === today)}
                  />
                ))}
              </div>
            );
          })}
        </div>
      </div>

      <div
        aria-hidden="true"
        className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted"
      >
        <span className="flex items-center gap-1">
          Less
          {LEVEL_FILL.map((fill) => (
            <span key={fill} className="size-3 rounded-[3px]" style={{ background: fill }} />
          ))}
          More
        </span>
        <span className="flex items-center gap-1">
          <span
            className="size-3 rounded-[3px]"
            style={{
              background: "var(--color-surface)",
              boxShadow: "inset 0 0 0 2px var(--color-ok)",
            }}
          />
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
