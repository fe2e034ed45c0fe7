/** An open notebook with a small ember on its page: the journal's empty state. Decorative. */
export function NotebookIllustration({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 240 140" className={className} aria-hidden="true">
      <ellipse cx="120" cy="128" rx="96" ry="8" fill="var(--color-line)" opacity="0.6" />
      <path
        d="M120 28c-22-12-52-14-86-8v96c34-6 64-4 86 8Z"
        fill="var(--color-surface)"
        stroke="var(--color-accent)"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path
        d="M120 28c22-12 52-14 86-8v96c-34-6-64-4-86 8Z"
        fill="var(--color-surface)"
        stroke="var(--color-accent)"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M120 28v96" stroke="var(--color-accent)" strokeWidth="2" />
      {[44, 58, 72, 86].map((y) => (
        <path
          key={y}
          d={`M48 ${y}c20-3 40-3 58 1`}
          fill="none"
          stroke="var(--color-line)"
          strokeWidth="3"
          strokeLinecap="round"
        />
      ))}
      <g transform="translate(150 44)">
        <circle cx="14" cy="20" r="20" fill="var(--color-accent-soft)" />
        <path
          d="M14 4c3 4 7 7 7 12.5a7 7 0 0 1-14 0c0-2.7 1.2-4.8 2.8-6.4.3 2 1.1 3.3 2.5 4-.5-3.6.3-7 1.7-10.1Z"
          fill="var(--color-accent)"
        />
      </g>
    </svg>
  );
}
