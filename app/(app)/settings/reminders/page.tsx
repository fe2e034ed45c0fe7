import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { CalendarSection } from "./calendar-section";
import { PushSection } from "./push-section";
import { ReminderForm } from "./reminder-form";
import { SnoozeControl } from "./snooze-control";

export const metadata: Metadata = { title: "Reminders" };

export default async function RemindersPage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [settings, feed, push] = await Promise.all([
    caller.reminders.settings(),
    caller.reminders.calendar(),
    caller.push.status({ endpoint: null }),
  ]);
  return (
    <>
      <BackLink href="/settings">Settings</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Reminders</h1>
        <p className="text-muted">
          A gentle nudge once a day, at a time that suits you. Never more than one, and none on a
          day you've already checked in.
        </p>
      </div>

      <section
        aria-labelledby="daily"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="daily" className="text-xl font-bold">
          Your daily check-in
        </h2>
        <ReminderForm settings={settings} />
      </section>

      <section
        aria-labelledby="notifications"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="notifications" className="text-xl font-bold">
          Notifications on this device
        </h2>
        <p className="text-sm text-muted">
          Your check-in reminder and a buddy's new note, on this phone's lock screen. They never
          show anyone's name or anything written.
        </p>
        <PushSection available={push.available} publicKey={push.publicKey} />
      </section>

      {settings.saved ? (
        <section
          aria-labelledby="break"
          className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
        >
          <h2 id="break" className="text-xl font-bold">
            Take a break
          </h2>
          <SnoozeControl snoozedUntil={settings.snoozedUntil} />
        </section>
      ) : null}

      <section
        aria-labelledby="calendar"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="calendar" className="text-xl font-bold">
          In your calendar
        </h2>
        <p className="text-sm text-muted">
          A private address your calendar app can subscribe to: your daily check-in, and the
          suggested pace of each step still ahead. It never shows anyone's name.
        </p>
        <CalendarSection feed={feed} timeZone={user.timeZone} />
      </section>
    </>
  );
}
