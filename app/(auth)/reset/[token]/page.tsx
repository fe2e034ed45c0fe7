import type { Metadata } from "next";
import { resetLinkIsLive } from "@/server/http/doors/auth";
import { LinkExpired } from "./link-expired";
import { ResetForm } from "./reset-form";

/** The address holds the token: never sent on in a Referer, never indexed. */
export const metadata: Metadata = {
  title: "Choose a new password",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await resetLinkIsLive(token))) return <LinkExpired />;
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Choose a new password</h1>
        <p className="text-muted">
          Once it's saved, every device signed in to your account is signed out, and you sign in
          again with the new one.
        </p>
      </div>
      <ResetForm token={token} />
    </>
  );
}
