import type { Helpline } from "@/lib/program";
import { HelplinePhone } from "./helpline-phone";

/** Helplines as cards: who each serves, its number as one tap to call, where to read more. */
export function HelplineList({ helplines }: { helplines: readonly Helpline[] }) {
  return (
    <ul className="flex flex-col gap-2">
      {helplines.map((h) => (
        <li key={h.name} className="rounded-xl border border-line bg-surface p-4">
          <p className="text-sm text-muted">
            {h.region}
            {h.for ? ` · ${h.for}` : ""}
          </p>
          <p className="font-semibold">{h.name}</p>
          {h.phone ? <HelplinePhone phone={h.phone} className="text-accent underline" /> : null}
          {h.text ? <p className="text-sm">{h.text}</p> : null}
          {h.url ? (
            <a href={h.url} className="block text-sm text-accent underline" rel="noreferrer">
              {h.url.replace(/^https:\/\//, "").replace(/\/$/, "")}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
