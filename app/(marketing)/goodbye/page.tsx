import type { Metadata } from "next";
import { Logo } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { ForgetKeptText } from "@/app/_components/kept-text";
import { Link } from "@/app/_components/link";

export const metadata: Metadata = {
  title: "Your account is deleted",
  robots: { index: false, follow: false },
};

/** Where a person lands after deleting their account. Public: they are signed out by then. */
export default function GoodbyePage() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-5 pt-6 pb-16">
      <header>
        <Link href="/" className="flex items-center gap-2 text-lg font-bold">
          <Logo /> Rekindle
        </Link>
      </header>
      <ForgetKeptText />
      <h1 className="text-3xl font-bold">Your account is deleted</h1>
      <p>
        Everything you kept in Rekindle is gone: your plan, journal, contact log, drafts and
        check-ins. Your buddy links no longer open, and every device is signed out.
      </p>
      <p>
        Thank you for letting Rekindle walk part of the way with you. Whatever comes next, we hope
        you are gentle with yourself.
      </p>
      <Link href="/" className={buttonClass("secondary")}>
        Back to the start
      </Link>
    </main>
  );
}
