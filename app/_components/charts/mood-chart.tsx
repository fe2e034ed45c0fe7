import type { DashboardMood } from "@/lib/schemas/dashboard";
import { MOOD_LABELS } from "@/lib/schemas/plain";
import { oneDecimal, plural, shortDay } from "./format";

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { top: 12, right: 10, bottom: 22, left: 44 };

/** Whether the last week's moods sit clearly above or below the weeks before. */
function direction(days: DashboardMood["days"]): "lifting" | "dipping" | "steady" | null {
  const mean = (xs: DashboardMood["days"]) => {
    const recorded = xs.filter((d) => d.average !== null);
    if (recorded.length === 0) return null;
    return recorded.reduce((sum, d) => sum + (d.average ?? 0), 0) / recorded.length;
  };
  const recent = mean(days.slice(-7));
  const before = mean(days.slice(0, -7));
  if (recent === null || before === null) return null;
  if (recent - before >= 0.5) return "lifting";
  if (before - recent >= 0.5) return "dipping";
  return "steady";
}

/** The summary a person reads, and a screen reader hears, instead of the picture. */
export function moodSummary(mood: DashboardMood, locale: string): string {
  const recorded = mood.days.filter((d) => d.average !== null);
  if (mood.average === null || recorded.length === 0) {
    return "No check-ins in the last 30 days yet. Say how your day went on Home, and it shows here.";
  }
  const last = recorded.at(-1);
  const trend = direction(mood.days);
  return [
    `Your check-ins average ${oneDecimal(mood.average, locale)} out of ${oneDecimal(5, locale)} over ${plural(recorded.length, "day", locale)} in the last ${oneDecimal(30, locale)}.`,
    last?.average != null
      ? `Most recently ${oneDecimal(last.average, locale)} on ${shortDay(last.day, locale)}.`
      : "",
    trend === "lifting" ? "The last week has been lighter than the weeks before." : "",
    trend === "dipping" ? "The last week has been heavier than the weeks before. Go gently." : "",
    trend === "steady" ? "The last week has been about the same as before." : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * How the last 30 days went, from the daily check-ins (journal moods are a moment's, and stay
 * with their entries): a dot for each day checked in, joined by a line, on five lines named
 * as the check-in names them. The text summary says the same in words.
 */
export function MoodChart({
  mood,
  locale,
  className = "",
}: {
  mood: DashboardMood;
  /** The language for dates and numbers. */
  locale: string;
  className?: string;
}) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, mood.days.length - 1);
  const x = (i: number) => PAD.left + i * step;
  const y = (m: number) => PAD.top + ((5 - m) / 4) * innerH;
  const points = mood.days.flatMap((d, i) =>
    d.average === null ? [] : [{ x: x(i), y: y(d.average), day: d.day, average: d.average }],
  );
  const line = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join("");
  const first = mood.days[0];
  const recorded = mood.days.filter((d) => d.average !== null);

  return (
    <figure className={`flex flex-col gap-2 ${className}`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        aria-hidden="true"
        focusable="false"
      >
        {[1, 2, 3, 4, 5].map((m) => (
          <g key={m}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(m)}
              y2={y(m)}
              stroke="var(--color-line)"
              strokeWidth={m === 3 ? 1 : 0.75}
              strokeDasharray={m === 3 ? undefined : "2 4"}
            />
            <text
              x={PAD.left - 4}
              y={y(m) + 3}
              textAnchor="end"
              fontSize="9"
              fill="var(--color-muted)"
            >
              {MOOD_LABELS[m - 1]}
            </text>
          </g>
        ))}
        {points.length > 1 ? (
          <path
            d={line}
            fill="none"
            stroke="var(--color-accent)"
            strokeWidth="2"
            strokeLinejoin="round"
            strokeLinecap="round"
            opacity="0.55"
          />
        ) : null}
        {points.map((p) => (
          <circle
            key={p.day}
            cx={p.x}
            cy={p.y}
            r="3.5"
            fill="var(--color-accent)"
            stroke="var(--color-surface)"
            strokeWidth="1.5"
          />
        ))}
        {first ? (
          <text x={PAD.left} y={HEIGHT - 6} fontSize="9" fill="var(--color-muted)">
            {shortDay(first.day, locale)}
          </text>
        ) : null}
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 6}
          textAnchor="end"
          fontSize="9"
          fill="var(--color-muted)"
        >
          Today
        </text>
      </svg>
      <figcaption className="text-sm text-muted">{moodSummary(mood, locale)}</figcaption>
      {recorded.length > 0 ? (
        <div className="sr-only">
          <table>
            <caption>Check-in mood per day, out of 5</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Mood</th>
              </tr>
            </thead>
            <tbody>
              {recorded.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{shortDay(d.day, locale)}</th>
                  <td>{oneDecimal(d.average ?? 0, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
