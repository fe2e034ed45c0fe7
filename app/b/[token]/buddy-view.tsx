import type { BuddyView } from "@/lib/schemas/buddies";
import { moodLabel } from "@/lib/schemas/plain";
import { countNoun, formatCount, formatDay } from "@/lib/stats";

function lastActive(view: BuddyView): string {
  if (view.daysSinceActive === null) return "Not lately";
  if (view.daysSinceActive === 0) return "Today";
  if (view.daysSinceActive === 1) return "Yesterday";
  return `${view.daysSinceActive} days ago`;
}

/**
 * What a buddy sees of the owner's progress. Plain server-rendered markup: the buddy page
 * and the owner's preview both use it, so the preview is the page.
 */
export function BuddyProgress({ view, locale }: { view: BuddyView; locale: string }) {
  const percent = Math.round(view.progress * 100);
  return (
    <>
      <section
        aria-labelledby="buddy-progress"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="buddy-progress" className="text-xl font-bold">
          Where <bdi>{view.ownerName}</bdi> is
        </h2>
        {view.currentStep ? (
          <p>
            Step {view.currentStep.number}
            {view.currentStep.title ? (
              <>
                : <strong>{view.currentStep.title}</strong>
              </>
            ) : null}
          </p>
        ) : (
          <p className="text-muted">No step in progress right now.</p>
        )}
        <div className="flex flex-col gap-1.5">
          <p className="text-sm text-muted">
            {view.stepsDone} of {view.stepsTotal} steps done
          </p>
          <div
            role="progressbar"
            aria-label="Steps done"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            className="h-3 overflow-hidden rounded-full bg-accent-soft"
          >
            <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
          </div>
        </div>
        <dl className="grid grid-cols-3 gap-3 text-center">
          <div className="rounded-xl bg-canvas p-3">
            <dt className="text-sm text-muted">Streak</dt>
            <dd className="text-2xl font-bold">
              {formatCount(view.streak, locale)}{" "}
              <span className="text-sm font-normal">{countNoun(view.streak, "day")}</span>
            </dd>
          </div>
          <div className="rounded-xl bg-canvas p-3">
            <dt className="text-sm text-muted">This week</dt>
            <dd className="text-2xl font-bold">
              {view.activeDaysThisWeek} <span className="text-sm font-normal">active</span>
            </dd>
          </div>
          <div className="rounded-xl bg-canvas p-3">
            <dt className="text-sm text-muted">Last active</dt>
            <dd className="font-bold">{lastActive(view)}</dd>
          </div>
        </dl>
        {view.quiet ? (
          <p className="rounded-xl bg-accent-soft p-3">
            <bdi>{view.ownerName}</bdi> has been quiet for a few days. A kind word might help.
          </p>
        ) : null}
      </section>
      {view.scope === "progress_and_journal" ? (
        <section aria-labelledby="buddy-journal" className="flex flex-col gap-3">
          <h2 id="buddy-journal" className="text-xl font-bold">
            Journal entries <bdi>{view.ownerName}</bdi> shared
          </h2>
          {view.sharedEntries.length === 0 ? (
            <p className="text-muted">Nothing shared yet.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {view.sharedEntries.map((entry, i) => (
                <li
                  // Entries carry no id on purpose; their order is stable for one render.
                  // biome-ignore lint/suspicious/noArrayIndexKey: no id is exposed to buddies
                  key={i}
                  className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4"
                >
                  <p className="text-sm text-muted">
                    {formatDay(entry.day, locale)} · Mood: {moodLabel(entry.mood)}
                  </p>
                  <p dir="auto" className="whitespace-pre-wrap">
                    {entry.body}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
