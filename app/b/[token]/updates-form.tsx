import { buttonClass } from "@/app/_components/button-class";
import type { BuddyThanks, BuddyUpdates } from "@/lib/schemas/buddy-mail";
import { formatDay } from "@/lib/stats";

/**
 * On the buddy page: the buddy may leave an e-mail address to hear how their friend is
 * doing. A plain form post, like the rest of the page; the address is confirmed by mail
 * before anything else is sent.
 */
export function UpdatesForm({
  token,
  ownerName,
  updates,
}: {
  token: string;
  ownerName: string;
  updates: BuddyUpdates;
}) {
  return (
    <form
      method="post"
      action={`/b/${encodeURIComponent(token)}/subscribe`}
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 className="text-xl font-bold">Hear how {ownerName} is doing</h2>
      {updates === "on" ? (
        <p>
          Updates by e-mail are on for this link. To stop them, use the link at the end of any
          update.
        </p>
      ) : (
        <p className="text-muted">
          A short e-mail each week and when a step is done: only what this page shows. We'll send a
          link to confirm first, and every e-mail has a one-tap stop.
        </p>
      )}
      {updates === "on" ? null : (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="buddy-email" className="text-sm font-semibold">
              Your e-mail
            </label>
            <input
              id="buddy-email"
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              className="min-h-12 w-full rounded-xl border border-line bg-surface px-4 text-base text-ink"
            />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Send me updates
          </button>
        </>
      )}
    </form>
  );
}

/** What the owner wrote back to this buddy's notes, newest first. */
export function ThanksList({
  thanks,
  ownerName,
  locale,
}: {
  thanks: BuddyThanks;
  ownerName: string;
  locale: string;
}) {
  if (thanks.length === 0) return null;
  return (
    <section aria-labelledby="buddy-thanks" className="flex flex-col gap-3">
      <h2 id="buddy-thanks" className="text-xl font-bold">
        {ownerName} wrote back
      </h2>
      <ul className="flex flex-col gap-3">
        {thanks.map((t, i) => (
          <li
            // Thank-yous carry no id on purpose; their order is stable for one render.
            // biome-ignore lint/suspicious/noArrayIndexKey: no id is exposed to buddies
            key={i}
            className="flex flex-col gap-1 rounded-2xl border border-accent bg-accent-soft p-4"
          >
            <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{t.thanks}</p>
            <p className="text-sm text-muted">
              {formatDay(t.day, locale)} · for your note of {formatDay(t.noteDay, locale)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
