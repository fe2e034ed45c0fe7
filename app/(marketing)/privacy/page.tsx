import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { CONTACT_PATH } from "@/app/_components/trust-links";
import { TrustSection, TrustShell } from "../trust-shell";

export const metadata: Metadata = {
  title: "Privacy",
  description:
    "What Rekindle keeps, where, who can see it, and how to take it with you or delete it.",
};

const strong = "font-semibold";

/**
 * What Rekindle stores and who can see it, in plain words. Every sentence matches the code:
 * the export and deletion (server/services/account-data, account), the buddy page's scope
 * (lib/schemas/buddies buddyViewOutput), the request log (scripts/serve.ts), sessions
 * (server/auth/sessions), limits (server/limits) and mail.
 */
export default function PrivacyPage() {
  return (
    <TrustShell title="Privacy: what we keep, and who sees it">
      <p className="text-lg">
        Rekindle keeps what you write so you can come back to it. Nobody else reads it unless you
        choose to share it, and you can take all of it with you, or delete it, whenever you like.
      </p>

      <TrustSection id="what" title="What Rekindle keeps">
        <ul>
          <li>
            <span className={strong}>Your account:</span> your e-mail address, your first name, your
            time zone and your settings. Your password is kept only as an Argon2id hash, which can
            check a password but can't be turned back into it.
          </li>
          <li>
            <span className={strong}>Your plan:</span> your answers to the readiness check, whether
            the safety questions raised a concern, the date and situation you gave, and the name (if
            you gave one) and pronouns of the person it is about.
          </li>
          <li>
            <span className={strong}>What you write and track:</span> journal entries and their
            moods, daily check-ins and pause days, the contact log, drafts, reflections, memories,
            ticked tasks, and how a journey ended.
          </li>
          <li>
            <span className={strong}>Buddy links:</span> each link's name, what it shows, when it
            stops working and when it was last opened, and the notes buddies send you. The link
            itself is kept only as a fingerprint (SHA-256), so nobody can read it back from our
            database, us included. The same goes for a calendar feed's address.
          </li>
          <li>
            <span className={strong}>Reminders</span> you set up, and, on each device where you turn
            on notifications, the address its browser gave for them.
          </li>
          <li>
            <span className={strong}>Signed-in devices:</span> when each one signed in, when it was
            last used and what kind of browser it is, so Settings can list them. A session ends
            after 14 days without use or 30 days after signing in, and at once when you sign out,
            sign out everywhere, or change your password.
          </li>
        </ul>
      </TrustSection>

      <TrustSection id="where" title="Where it is kept">
        <p>
          In one database on the server that runs this Rekindle: a PostgreSQL database, either built
          into the server or one its operators run. Rekindle has no adverts and no analytics, and
          its pages load nothing from other sites.
        </p>
        <p>On your own device, Rekindle keeps:</p>
        <ul>
          <li>one sign-in cookie, which holds only a random id;</li>
          <li>
            what you are typing, in this browser, until it is saved, so nothing you write is lost;
          </li>
          <li>the plan's pages as you last saw them, to read when you are offline.</li>
        </ul>
        <p>Signing out deletes the last two from that browser.</p>
      </TrustSection>

      <TrustSection id="who" title="Who can see it">
        <p>
          <span className={strong}>You</span>, when you are signed in. Every request is checked
          against your own account, so no one else's sign-in can reach your data.
        </p>
        <p>
          <span className={strong}>A buddy</span> you invite, only through the link you made for
          them, until you revoke it or it expires. They see your first name, the step you are on,
          how many steps are done, your streak, the last day you were active and how many days you
          were active this week. If you choose “progress and shared entries”, they also see the
          journal entries you marked as shared. In discreet mode they never see the other person's
          name.
        </p>
        <p>
          A buddy never sees your contact log, drafts, reflections, memories, check-in moods, any
          entry you didn't share, or your e-mail address. “Preview as buddy” shows you exactly their
          page. If a buddy asks to hear by e-mail how you are doing, their address is kept for that
          alone, and goes when they stop, when you stop it, or with the link.
        </p>
        <p>
          <span className={strong}>The people who run the server</span> look after the database, as
          with any online service. The server's log notes each request's time, page and result, with
          link addresses masked, and never what you wrote, your e-mail address or a password. The
          address your requests come from is counted for a short while to stop password guessing and
          spam, and isn't logged.
        </p>
      </TrustSection>

      <TrustSection id="mail" title="Mail">
        <p>
          Rekindle e-mails you only to finish signing up, to reset a password you forgot, and for
          reminders you turned on. Reminders have a plain subject, never name the other person and
          never quote what you wrote; each links to the page that changes or stops them.
        </p>
      </TrustSection>

      <TrustSection id="yours" title="Yours to take or delete">
        <ul>
          <li>
            <span className={strong}>Download my data</span> (Settings) saves everything you own as
            one JSON file. Only bookkeeping and secrets are left out: the password hash, link
            fingerprints and sessions.
          </li>
          <li>
            <span className={strong}>Import</span> reads that file into a new, empty account on
            another Rekindle, in one go. Buddy links arrive switched off, since their addresses were
            never kept.
          </li>
          <li>
            <span className={strong}>Delete my account</span> asks for your password, then removes
            everything you own at once: every device is signed out and buddy links stop opening. If
            the people who run the server keep backups, a copy stays in those until they are
            replaced.
          </li>
          <li>
            <span className={strong}>Discreet mode</span> (Settings) gives every page a plain title
            and leaves the other person's name out. Pressing Escape twice swaps any page for a plain
            list.
          </li>
        </ul>
      </TrustSection>

      <p>
        Questions about your data?{" "}
        <Link
          href={CONTACT_PATH}
          className="font-semibold text-accent underline underline-offset-4"
        >
          Here is how to reach us
        </Link>
        .
      </p>
    </TrustShell>
  );
}
