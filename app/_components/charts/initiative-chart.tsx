import type { DashboardInitiative } from "@/lib/schemas/dashboard";
import { formatCount, plural, shareInWords, shortDay } from "./format";

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { top: 10, right: 4, bottom: 22, left: 4 };
const YOU = "var(--color-accent)";
const THEM = "var(--color-ok)";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The 14-day signal in words: "In the last 14 days, Jordan started 1 of your 2 contacts: half." */
export function initiativeSummary(
  initiative: DashboardInitiative,
  exLabel: string,
  locale: string,
): string {
  const { me, them } = initiative.last14d;
  const total = me + them;
  if (initiative.exShare14d === null || total === 0) {
    return "No contacts logged in the last 14 days.";
  }
  const lead = "In the last 14 days";
  // "0 of your 1 contact: none" reads like a form; one contact, all or none say it plainly.
  if (total === 1) {
    return `${lead} there was ${plural(1, "contact", locale)}, and ${them === 1 ? exLabel : "you"} started it.`;
  }
  const all = `all ${plural(total, "contact", locale)}`;
  if (them === 0) return `${lead}, you started ${all}.`;
  if (them === total) return `${lead}, ${exLabel} started ${all}.`;
  const words = shareInWords(initiative.exShare14d);
  return `${lead}, ${exLabel} started ${formatCount(them, locale)} of your ${plural(total, "contact", locale)}: ${words}.`;
}

/**
 * Who starts contact, week by week for eight weeks: one bar a week, your part at the bottom,
 * theirs on top. Step 7's signal is the share the ex starts, said in words underneath.
 */
export function InitiativeChart({
  initiative,
  exLabel = "they",
  locale,
  className = "",
}: {
  initiative: DashboardInitiative;
  /** The language for dates and numbers. */
  locale: string;
  /** How to speak of the ex: their name, or a neutral word in discreet mode. */
  exLabel?: string;
  className?: string;
}) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / initiative.weeks.length;
  const barW = slot * 0.6;
  const most = Math.max(1, ...initiative.weeks.map((w) => w.me + w.them));
  const h = (n: number) => (n / most) * innerH;
  const base = PAD.top + innerH;
  const total = initiative.weeks.reduce((sum, w) => sum + w.me + w.them, 0);

  return (
    <figure className={`flex flex-col gap-2 ${className}`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        aria-hidden="true"
        focusable="false"
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={base} y2={base} stroke="var(--color-line)" />
        {initiative.weeks.map((w, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const meH = h(w.me);
          const themH = h(w.them);
          const last = i === initiative.weeks.length - 1;
          return (
            <g key={w.weekStart}>
              {w.me > 0 ? (
                <rect x={x} y={base - meH} width={barW} height={meH} rx="3" fill={YOU} />
              ) : null}
              {w.them > 0 ? (
                <rect x={x} y={base - meH - themH} width={barW} height={themH} rx="3" fill={THEM} />
              ) : null}
              {i % 2 === 1 || last ? (
                <text
                  x={x + barW / 2}
                  y={HEIGHT - 6}
                  textAnchor="middle"
                  fontSize="9"
                  fill="var(--color-muted)"
                >
                  {last ? "This week" : shortDay(w.weekStart, locale)}
                </text>
              ) : null}
            </g>
          );
        })}
        {total === 0 ? (
          <text
            x={WIDTH / 2}
            y={PAD.top + innerH / 2}
            textAnchor="middle"
            fontSize="11"
            fill="var(--color-muted)"
          >
            No contacts in these eight weeks
          </text>
        ) : null}
      </svg>
      <div aria-hidden="true" className="flex gap-4 text-xs text-muted">
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-[3px]" style={{ background: YOU }} /> You reached out
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-[3px]" style={{ background: THEM }} />
          {capitalise(exLabel)} reached out
        </span>
      </div>
      <figcaption className="text-sm text-muted">
        {initiativeSummary(initiative, exLabel, locale)}
      </figcaption>
      <div className="sr-only">
        <table>
          <caption>Who started each contact, by week</caption>
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              <th scope="col">You</th>
              <th scope="col">{capitalise(exLabel)}</th>
            </tr>
          </thead>
          <tbody>
            {initiative.weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{shortDay(w.weekStart, locale)}</th>
                <td>{formatCount(w.me, locale)}</td>
                <td>{formatCount(w.them, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
