import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { signUpLinkAddress } from "@/server/http/doors/auth";
import { FinishSignUp } from "./finish-sign-up";

/** The address holds the token: never sent on in a Referer, never indexed. */
export const metadata: Metadata = {
  title: "Finish creating your account",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

/**
 * Opening the link shows a form; only sending it makes the account (mail scanners open
 * links). The person who can read the mail chooses the name and password here.
 */
export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const address = await signUpLinkAddress(token);
  if (!address) return <SignUpLinkExpired />;
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Welcome to Rekindle</h1>
        <p className="text-muted">
          Your address is confirmed:{" "}
          <span className="font-semibold break-all text-ink">{address}</span>. Choose a name and a
          password, and your private space is ready.
        </p>
      </div>
      <FinishSignUp token={token} address={address} />
    </>
  );
}

function SignUpLinkExpired() {
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">This link has expired</h1>
        <p className="text-muted">
          Sign-up links work once, for 24 hours. If you already finished, sign in; otherwise sign up
          again for a new link.
        </p>
      </div>
      <Link href="/sign-in" className={buttonClass("primary")}>
        Sign in
      </Link>
      <Link href="/sign-up" className={buttonClass("secondary")}>
        Sign up again
      </Link>
    </>
  );
}
