import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonClass } from "@/app/_components/button";
import { signOutAction } from "@/app/(auth)/actions";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  // Layouts and pages render side by side: each signed-in page checks for itself.
  await requireSession();
  const profile = await (await serverCaller()).account.me();
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
          Signing out
        </h2>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" className="w-full">
            Sign out on this device
          </Button>
        </form>
        <SignOutEverywhere />
      </section>
    </>
  );
}
