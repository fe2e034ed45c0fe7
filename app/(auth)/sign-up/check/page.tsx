import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { mailGoesToOutbox } from "@/server/http/doors/outbox";

export const metadata: Metadata = { title: "Check your inbox" };

/**
 * What every sign-up sees, whether or not the address already had an account: the mail
 * that follows says which.
 */
export default function CheckInboxPage() {
  const development = mailGoesToOutbox();
  return (
    <>
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Check your inbox</h1>
        <p>
          We've sent a mail to the address you gave. Open the link in it to choose your name and
          password: it works for 24 hours.
        </p>
        <p className="text-muted">
          Nothing there after a few minutes? Look in the spam folder. We send one mail every 15
          minutes at most, so if it still hasn't come after that, sign up again for a new link.
        </p>
      </div>
      {development ? (
        <p className="rounded-xl border border-line p-3 text-sm text-muted">
          Running in development without a mail server: the mail is in the{" "}
          <Link href="/dev/outbox" className="font-semibold text-accent underline">
            outbox
          </Link>
          .
        </p>
      ) : null}
      <p className="text-center text-muted">
        Already finished?{" "}
        <Link href="/sign-in" className="font-semibold text-accent underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </>
  );
}
