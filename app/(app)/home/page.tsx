import type { Metadata } from "next";
import { PathIllustration } from "@/app/_components/art";
import { requireSession } from "@/server/auth/current";

export const metadata: Metadata = { title: "Home" };

/** A greeting that fits the hour where the user lives, not where the server is. */
function greeting(timeZone: string, now = new Date()): string {
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone }).format(now),
  );
  if (hour < 5) return "Still up";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function HomePage() {
  const { user } = await requireSession();
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">
          {greeting(user.timeZone)}, {user.displayName}
        </h1>
        <p className="text-muted">Thank you for taking a moment for yourself today.</p>
      </div>
      <section className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5">
        <PathIllustration className="w-full" />
        <h2 className="text-xl font-bold">Your plan is being prepared</h2>
        <p className="text-muted">
          The seven steps will live here: one small, clear thing to do each day, and a private place
          to note how it went. Until then, you can make sure your name and time zone are right in
          Settings.
        </p>
      </section>
    </>
  );
}
