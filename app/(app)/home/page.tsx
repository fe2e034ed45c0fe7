import type { Metadata } from "next";
import { PathIllustration } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import {
  ActivityCalendar,
  InitiativeChart,
  MoodChart,
  StreakBadge,
} from "@/app/_components/charts";
import { Link } from "@/app/_components/link";
import { getOutcome, personalize } from "@/lib/program";
import { stepName } from "@/lib/program/discreet";
import { nextAction, overallProgress, personOf } from "@/lib/program/view";
import type { Dashboard } from "@/lib/schemas/dashboard";
import type { JourneyView } from "@/lib/schemas/journey";
import type { SupportedPerson } from "@/lib/schemas/supporting";
import { countNoun, formatCount, formatInstant } from "@/lib/stats/format";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";
import { unreadNotes } from "../unread-notes";
import { BuddyNotes } from "./buddy-notes";
import { Card } from "./card";
import { CheckIn } from "./check-in";
import { ReminderNotice } from "./reminder-notice";
import { SupportOffer } from "./support-offer";

export const metadata: Metadata = { title: "Home" };

const formatDay = (d: Date, timeZone: string, locale: string) =>
  formatInstant(d, timeZone, locale, { day: "numeric", month: "short", year: "numeric" });

/** A greeting that fits the hour where the user lives, not where the server is. */
function greeting(timeZone: string, now = new Date()): string {
  // formatInstant keeps its formatters; a new one each request cost 0.6 ms of Home's CPU.
  const hour = Number(formatInstant(now, timeZone, "en-GB", { hour: "numeric", hourCycle: "h23" }));
  if (hour < 5) return "Still up";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function HomePage() {
  const { user } = await requireSession();
  const locale = await requestLocale();
  const caller = await serverCaller();
  // One read for everything Home shows (server/services/home.ts); the unread notes are the
  // layout's own read, shared through React's cache.
  const [home, unread] = await Promise.all([caller.dashboard.home(), unreadNotes()]);
  const { journey, dashboard, today, history, supported, reminder } = home;

  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">
          {greeting(user.timeZone)}, {user.displayName}
        </h1>
        <p className="text-muted">Thank you for taking a moment for yourself today.</p>
      </div>
      <SupportOffer offer={dashboard.offerSupport} userId={user.id} />
      <BuddyNotes unread={unread} timeZone={user.timeZone} locale={locale} />
      <ReminderNotice notice={reminder} hasPlan={journey !== null} />
      {journey ? (
        <>
          <CurrentStep journey={journey} discreet={user.discreet} />
          <CheckIn today={today} />
          <Overview
            discreet={user.discreet}
            journey={journey}
            dashboard={dashboard}
            locale={locale}
            showInitiative={!user.hideInitiative}
          />
        </>
      ) : (
        <section className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5">
          <PathIllustration className="w-full" />
          <h2 className="text-xl font-bold">Ready when you are</h2>
          <p className="text-muted">
            A few honest questions first, then a plan of seven small steps, one at a time. It takes
            about three minutes to begin.
          </p>
          <Link href="/onboarding" className={buttonClass("primary")}>
            {history.length > 0 ? "Start a new journey" : "Start your plan"}
          </Link>
        </section>
      )}
      {supported.length > 0 ? (
        <PeopleYouSupport people={supported} discreet={user.discreet} />
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="history" className="flex flex-col gap-2">
          <h2 id="history" className="text-lg font-bold">
            Earlier journeys
          </h2>
          <ul className="flex flex-col gap-2">
            {history.map((past) => (
              <li key={past.id} className="rounded-xl border border-line bg-surface p-3 text-sm">
                <span className="font-semibold">
                  {past.outcome && !user.discreet
                    ? personalize(getOutcome(past.outcome).title, {
                        name: past.exName,
                        pronouns: "they",
                      })
                    : "Ended"}
                </span>
                <span className="text-muted">
                  {" "}
                  · {formatDay(past.createdAt, user.timeZone, locale)} to{" "}
                  {past.endedAt ? formatDay(past.endedAt, user.timeZone, locale) : "now"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** In discreet mode the step goes by its number, and nothing says what it asks. */
function CurrentStep({ journey, discreet }: { journey: JourneyView; discreet: boolean }) {
  const person = personOf(journey);
  const next = nextAction(journey);
  const progress = overallProgress(journey);
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
      <p className="text-sm font-semibold text-accent">
        Step {next.number} of 7 · {progress.done} done
      </p>
      <h2 className="text-2xl font-bold">
        {discreet ? "Your next step" : personalize(next.step.title, person)}
      </h2>
      {next.stalled && !discreet ? <p>{personalize(next.step.stalledNudge, person)}</p> : null}
      <Link href={next.href} className={buttonClass("primary")}>
        {discreet ? `Open step ${next.number}` : personalize(next.label, person)}
      </Link>
    </section>
  );
}

function Overview({
  discreet,
  journey,
  dashboard,
  locale,
  showInitiative,
}: {
  journey: JourneyView;
  dashboard: Dashboard;
  locale: string;
  /** Discreet mode: labels that don't say what the numbers are about. */
  discreet: boolean;
  /** Off when the person chose in Settings to hide the "who reaches out" score. */
  showInitiative: boolean;
}) {
  const progress = overallProgress(journey);
  const exLabel = journey.exName ?? personalize("{ex}", personOf(journey));
  return (
    <>
      <StreakBadge
        streak={dashboard.streak}
        locale={locale}
        className="rounded-2xl border border-line bg-surface p-5"
      />
      <Card title="Your progress">
        <div
          role="progressbar"
          aria-label="Steps done"
          aria-valuemin={0}
          aria-valuemax={7}
          aria-valuenow={progress.done}
          aria-valuetext={`${progress.done} of 7 steps done`}
          className="h-3 overflow-hidden rounded-full bg-line"
        >
          <div
            className="h-full rounded-full bg-accent"
            style={{ width: `${progress.percent}%` }}
          />
        </div>
        <p className="text-sm text-muted">{progress.done} of 7 steps done</p>
        <dl className="grid grid-cols-2 gap-3">
          <div className="rounded-xl bg-accent-soft p-3">
            <dt className="text-sm text-muted">
              {discreet ? "Since your start date" : "Since the breakup"}
            </dt>
            <dd className="text-2xl font-bold">
              {dashboard.daysSinceBreakup === null
                ? "–"
                : formatCount(dashboard.daysSinceBreakup, locale)}{" "}
              <span className="text-base font-normal">
                {countNoun(dashboard.daysSinceBreakup ?? 0, "day")}
              </span>
            </dd>
          </div>
          <div className="rounded-xl bg-accent-soft p-3">
            <dt className="text-sm text-muted">Since your last contact</dt>
            <dd className="text-2xl font-bold">
              {dashboard.daysSinceLastContact === null ? (
                <span className="text-base font-normal">None logged yet</span>
              ) : (
                <>
                  {formatCount(dashboard.daysSinceLastContact, locale)}{" "}
                  <span className="text-base font-normal">
                    {countNoun(dashboard.daysSinceLastContact, "day")}
                  </span>
                </>
              )}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title="Showing up">
        <ActivityCalendar calendar={dashboard.calendar} today={dashboard.today} locale={locale} />
      </Card>
      <Card title="Mood">
        <MoodChart mood={dashboard.mood} locale={locale} />
      </Card>
      {showInitiative ? (
        <Card title={discreet ? "Who starts a chat" : "Who reaches out"}>
          <InitiativeChart initiative={dashboard.initiative} exLabel={exLabel} locale={locale} />
        </Card>
      ) : null}
    </>
  );
}

function lastActive(daysSinceActive: number | null): string {
  if (daysSinceActive === null) return "Not active lately";
  if (daysSinceActive === 0) return "Active today";
  if (daysSinceActive === 1) return "Active yesterday";
  return `Active ${daysSinceActive} days ago`;
}

/** Buddy links the user saved from a friend's page; only live ones are listed. */
function PeopleYouSupport({ people, discreet }: { people: SupportedPerson[]; discreet: boolean }) {
  return (
    <section aria-labelledby="supporting" className="flex flex-col gap-3">
      <h2 id="supporting" className="text-lg font-bold">
        People you support
      </h2>
      <ul className="flex flex-col gap-3">
        {people.map((person) => {
          const percent = Math.round(person.progress * 100);
          return (
            <li key={person.id}>
              <Link
                href={`/supporting/${person.id}`}
                className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-4 hover:bg-accent-soft"
              >
                <span className="flex items-baseline justify-between gap-3">
                  <span className="text-lg font-bold">{person.ownerName}</span>
                  <span className="text-sm text-muted">{lastActive(person.daysSinceActive)}</span>
                </span>
                <span>
                  {person.currentStep
                    ? stepName(person.currentStep.number, person.currentStep.title, discreet)
                    : "No step in progress right now"}
                </span>
                <span
                  role="progressbar"
                  aria-label={`${person.ownerName}'s steps done`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  aria-valuetext={`${person.stepsDone} of ${person.stepsTotal} steps done`}
                  className="block h-2 overflow-hidden rounded-full bg-accent-soft"
                >
                  <span
                    className="block h-full rounded-full bg-accent"
                    style={{ width: `${percent}%` }}
                  />
                </span>
                {person.quiet ? (
                  <span className="text-sm text-accent">
                    Quiet for a few days: a kind word might help.
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
