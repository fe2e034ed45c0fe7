import type { ContactChannel, ContactFeeling } from "@/lib/schemas/plain";

const stroke = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.8,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

/** A small picture of how the two were in touch. Decorative: the words say it too. */
export function ChannelIcon({
  channel,
  className = "size-6",
}: {
  channel: ContactChannel;
  className?: string;
}) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      {channel === "text" ? (
        <>
          <path
            d="M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v7a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5Z"
            {...stroke}
          />
          <path d="M8 9h8M8 12h5" {...stroke} />
        </>
      ) : channel === "call" ? (
        <path
          d="M6.6 3.8 9 4.3l1.3 3.9-1.8 1.3a11 11 0 0 0 6.3 6.3l1.3-1.8 3.9 1.3.5 2.4a2 2 0 0 1-2 2.3A16.7 16.7 0 0 1 4.3 5.8a2 2 0 0 1 2.3-2Z"
          {...stroke}
        />
      ) : channel === "in_person" ? (
        <>
          <circle cx="8.5" cy="8" r="3" {...stroke} />
          <circle cx="16" cy="9" r="2.5" {...stroke} />
          <path
            d="M3 19.5c.6-3.3 2.8-5 5.5-5s4.9 1.7 5.5 5M14.5 14.6c.5-.1 1-.1 1.5-.1 2.4 0 4.3 1.5 5 4.5"
            {...stroke}
          />
        </>
      ) : channel === "social" ? (
        <>
          <rect x="4" y="4" width="16" height="16" rx="4.5" {...stroke} />
          <path
            d="M12 16.5s-4-2.4-4-5.1A2.2 2.2 0 0 1 12 10a2.2 2.2 0 0 1 4 1.4c0 2.7-4 5.1-4 5.1Z"
            {...stroke}
          />
        </>
      ) : (
        <>
          <circle cx="6" cy="12" r="1.6" fill="currentColor" />
          <circle cx="12" cy="12" r="1.6" fill="currentColor" />
          <circle cx="18" cy="12" r="1.6" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

/** Sun, cloud, rain: how a contact felt. Decorative: the words say it too. */
export function FeelingIcon({
  feeling,
  className = "size-5",
}: {
  feeling: ContactFeeling;
  className?: string;
}) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      {feeling === "good" ? (
        <>
          <circle cx="12" cy="12" r="4" {...stroke} />
          <path
            d="M12 3v2M12 19v2M3 12h2M19 12h2M5.6 5.6l1.4 1.4M17 17l1.4 1.4M5.6 18.4 7 17M17 7l1.4-1.4"
            {...stroke}
          />
        </>
      ) : feeling === "neutral" ? (
        <path d="M7.5 18a4 4 0 0 1-.6-8 5.5 5.5 0 0 1 10.6 1.2A3.5 3.5 0 0 1 17 18Z" {...stroke} />
      ) : (
        <>
          <path
            d="M7.5 14a4 4 0 0 1-.6-8 5.5 5.5 0 0 1 10.6 1.2A3.5 3.5 0 0 1 17 14Z"
            {...stroke}
          />
          <path d="m9 17-1 3M13 17l-1 3M17 17l-1 3" {...stroke} />
        </>
      )}
    </svg>
  );
}

/** "You reached out", "Jordan reached out", or "They reached out" when no name was given. */
export function whoReachedOut(initiator: "me" | "them", exName: string | null): string {
  if (initiator === "me") return "You reached out";
  return `${exName?.trim() || "They"} reached out`;
}
