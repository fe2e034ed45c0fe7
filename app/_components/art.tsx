/** Rekindle's mark: a small ember held in two curves. */
export function Logo({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <circle cx="16" cy="16" r="15" fill="var(--color-accent-soft)" />
      <path
        d="M16 7c2.5 3.2 5.5 5.6 5.5 10.2a5.5 5.5 0 0 1-11 0c0-2.2 1-3.9 2.3-5.2.2 1.6.9 2.7 2 3.2-.4-2.9.2-5.6 1.2-8.2Z"
        fill="var(--color-accent)"
      />
    </svg>
  );
}

/**
 * Seven stones along a winding path to a small flame: the plan at a glance. Decorative;
 * the page says the same in words.
 */
export function PathIllustration({
  className = "",
  done = [],
  current,
}: {
  className?: string;
  /** Step numbers already done: their stones are filled in. */
  done?: readonly number[];
  /** The step in progress: its stone gets a soft halo. */
  current?: number;
}) {
  const stones = [
    [40, 196],
    [88, 170],
    [140, 182],
    [190, 150],
    [232, 116],
    [204, 78],
    [250, 52],
  ] as const;
  return (
    <svg viewBox="0 0 320 230" className={className} aria-hidden="true">
      <path
        d="M20 214C60 190 70 168 110 176s60 10 86-24 40-40 30-70 10-44 44-44"
        fill="none"
        stroke="var(--color-line)"
        strokeWidth="14"
        strokeLinecap="round"
      />
      <path
        d="M20 214C60 190 70 168 110 176s60 10 86-24 40-40 30-70 10-44 44-44"
        fill="none"
        stroke="var(--color-accent)"
        strokeWidth="2"
        strokeDasharray="2 10"
        strokeLinecap="round"
        opacity="0.6"
      />
      {stones.map(([x, y], i) => {
        const isDone = done.includes(i + 1);
        return (
          <g key={`${x}-${y}`}>
            {current === i + 1 ? (
              <circle cx={x} cy={y} r="20" fill="var(--color-accent-soft)" />
            ) : null}
            <circle
              cx={x}
              cy={y}
              r="13"
              fill={isDone ? "var(--color-accent)" : "var(--color-surface)"}
              stroke="var(--color-accent)"
              strokeWidth="2"
            />
            <text
              x={x}
              y={y + 4.5}
              textAnchor="middle"
              fontSize="12"
              fontWeight="700"
              fill={isDone ? "var(--color-accent-ink)" : "var(--color-accent)"}
            >
              {i + 1}
            </text>
          </g>
        );
      })}
      <g transform="translate(282 10)">
        <circle cx="14" cy="22" r="20" fill="var(--color-accent-soft)" />
        <path
          d="M14 6c3 4 7 7 7 12.5a7 7 0 0 1-14 0c0-2.7 1.2-4.8 2.8-6.4.3 2 1.1 3.3 2.5 4-.5-3.6.3-7 1.7-10.1Z"
          fill="var(--color-accent)"
        />
      </g>
    </svg>
  );
}
