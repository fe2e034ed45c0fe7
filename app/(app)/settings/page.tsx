import type { Metadata } from "next";
import { Button, buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { TrustLinks } from "@/app/_components/trust-links";
import { signOutAction } from "@/app/(auth)/actions";
import { weekStartFor } from "@/lib/stats/locale";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccount } from "./delete-account";
import { DiscreetToggle } from "./discreet-toggle";
import { InitiativeChoice } from "./initiative-choice";
import { ProfileForm } from "./profile-form";
import { SessionList } from "./session-list";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { WeekStartChoice } from "./week-start-choice";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  // Layouts and pages render side by side: each signed-in page checks for itself.
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [profile, sessions] = await Promise.all([caller.account.me(), caller.account.sessions()]);
  return (
    <>
      <h1 className="text-3xl font-bold">Settings</h1>

      <section
        aria-labelledby="profile"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="profile" className="text-xl font-bold">
          Your profile
        </h2>
        <p className="text-sm text-muted">Signed in as {profile.email}</p>
        <ProfileForm profile={profile} />
      </section>

      <section
        aria-labelledby="password"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="password" className="text-xl font-bold">
          Change your password
        </h2>
        <ChangePasswordForm email={profile.email} />
      </section>

      <DiscreetToggle discreet={user.discreet} />

      <InitiativeChoice hidden={user.hideInitiative} />

      <WeekStartChoice
        weekStart={user.weekStart}
        fromLanguage={weekStartFor("auto", await requestLocale())}
      />

      <section
        aria-labelledby="reminders"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="reminders" className="text-xl font-bold">
          Reminders
        </h2>
        <p className="text-sm text-muted">
          Choose a daily check-in time, quiet hours, e-mail or notifications on this device, or add
          your plan to your calendar.
        </p>
        <Link href="/settings/reminders" className={buttonClass("secondary")}>
          Set up reminders
        </Link>
      </section>

      <section
        aria-labelledby="buddies"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="buddies" className="text-xl font-bold">
          Accountability buddies
        </h2>
        <p className="text-sm text-muted">
          Share your progress with a friend through a private link, and read their encouragement.
        </p>
        <Link href="/buddies" className={buttonClass("secondary")}>
          Manage buddies
        </Link>
      </section>

      <section
        aria-labelledby="devices"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="devices" className="text-xl font-bold">
          Where you're signed in
        </h2>
        <SessionList sessions={sessions} timeZone={user.timeZone} />
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" className="w-full" worksWithoutScript>
            Sign out on this device
          </Button>
        </form>
        <SignOutEverywhere />
      </section>

      <section
        aria-labelledby="your-data"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="your-data" className="text-xl font-bold">
          Your data
        </h2>
        <p className="text-sm text-muted">
          A copy of everything you've written {user.discreet ? "here" : "in Rekindle"}, as one file
          you can keep: your plan, journal, contact log, drafts, check-ins and buddy links.
        </p>
        {/* A file, not a page: a plain link, so the browser downloads it. */}
        <a href="/api/export" download className={buttonClass("secondary")}>
          Download my data
        </a>
        <Link href="/settings/import" className={buttonClass("quiet")}>
          {user.discreet ? "Import data from another account" : "Import data from another Rekindle"}
        </Link>
        <p className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <TrustLinks />
        </p>
      </section>

      <section
        aria-labelledby="delete-account"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="delete-account" className="text-xl font-bold">
          Delete your account
        </h2>
        <p className="text-sm text-muted">
          Erase your account and everything in it. Take your time; nothing goes until you confirm
          with your password.
        </p>
        <DeleteAccount email={profile.email} />
      </section>
    </>
  );
}
