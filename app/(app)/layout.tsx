import type { Metadata } from "next";
import { Logo } from "@/app/_components/art";
import { DiscreetProvider } from "@/app/_components/discreet";
import { Link } from "@/app/_components/link";
import { LocaleProvider } from "@/app/_components/locale";
import { OfflineNotice } from "@/app/_components/offline-notice";
import { HideButton, QuickHide } from "@/app/_components/quick-hide";
import { ServiceWorkerRegister } from "@/app/_components/sw-register";
import { countOf } from "@/lib/stats/format";
import { getCurrentSession, requireSession } from "@/server/auth/current";
import { localeFor } from "@/server/http/locale";
import { HelpLink } from "./help-link";
import { NavLink, TabLink } from "./nav-link";
import { unreadNotes } from "./unread-notes";

/** Discreet mode's name for the app: what a glance at the screen or the tab shows. */
const NEUTRAL_NAME = "Notes";

/**
 * The name iOS offers when a signed-in page is added to the home screen. In discreet mode
 * it is plain, and so is every page's title (the template has no %s, so a page's own title
 * never shows).
 */
export async function generateMetadata(): Promise<Metadata> {
  const session = await getCurrentSession();
  if (!session?.user.discreet) {
    return { appleWebApp: { capable: true, title: "Rekindle", statusBarStyle: "default" } };
  }
  return {
    title: { default: NEUTRAL_NAME, template: NEUTRAL_NAME },
    description: NEUTRAL_NAME,
    appleWebApp: { capable: true, title: NEUTRAL_NAME, statusBarStyle: "default" },
  };
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireSession();
  const [locale, unread] = await Promise.all([localeFor(user), unreadNotes()]);
  return (
    <LocaleProvider value={locale}>
      <DiscreetProvider value={user.discreet}>
        <ServiceWorkerRegister />
        <QuickHide />
        {/* A phone: a column with tabs at the bottom. A wide screen (lg): the header across the
            top, the same places as a side navigation, the page at a reading width beside it. */}
        <div className="mx-auto flex min-h-dvh max-w-xl flex-col lg:max-w-none">
          <header className="flex items-center justify-between gap-2 px-5 pt-5 lg:px-8">
            <Link href="/home" className="flex items-center gap-2 text-lg font-bold">
              {user.discreet ? (
                <>
                  <NeutralMark /> {NEUTRAL_NAME}
                </>
              ) : (
                <>
                  <Logo /> Rekindle
                </>
              )}
            </Link>
            <div className="flex items-center gap-1">
              {user.discreet ? <HideButton /> : null}
              <HelpLink discreet={user.discreet} />
              <NavLink href="/settings">Settings</NavLink>
            </div>
          </header>
          <div className="flex flex-1 flex-col lg:pl-60">
            <main className="mx-auto flex w-full max-w-xl flex-1 flex-col gap-6 px-5 pt-6 pb-28 lg:max-w-2xl lg:px-8 lg:pb-16">
              <OfflineNotice>{children}</OfflineNotice>
            </main>
          </div>
          <nav
            aria-label="Main"
            className="fixed inset-x-0 bottom-0 border-t border-line bg-canvas/95 pb-[env(safe-area-inset-bottom)] backdrop-blur lg:top-24 lg:right-auto lg:bottom-auto lg:w-60 lg:border-t-0 lg:bg-transparent lg:px-4 lg:pb-0 lg:backdrop-blur-none"
          >
            <ul className="mx-auto grid max-w-xl grid-cols-5 lg:flex lg:flex-col lg:gap-1">
              <TabLink href="/home" icon="home">
                Home
              </TabLink>
              <TabLink href="/plan" icon="plan">
                Plan
              </TabLink>
              <TabLink href="/journal" icon="journal">
                Journal
              </TabLink>
              <TabLink href="/contacts" icon="contacts">
                Contacts
              </TabLink>
              <TabLink
                href="/buddies"
                icon="buddies"
                badge={
                  unread.count === 0 ? undefined : countOf(unread.count, "new note", locale.locale)
                }
              >
                Buddies
              </TabLink>
            </ul>
          </nav>
        </div>
      </DiscreetProvider>
    </LocaleProvider>
  );
}

/** Discreet mode's mark: a plain page with lines, like any notes app. */
function NeutralMark() {
  return (
    <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="8" fill="var(--color-line)" />
      <path
        d="M10 11h12M10 16h12M10 21h8"
        stroke="var(--color-muted)"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
