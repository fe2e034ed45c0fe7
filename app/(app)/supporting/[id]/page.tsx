import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { BuddyProgress } from "@/app/b/[token]/buddy-view";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";
import { EncourageForm } from "./encourage-form";
import { NudgeButton } from "./nudge-button";
import { RemoveSupported } from "./remove-supported";

export const metadata: Metadata = { title: "Someone you support" };

/** The buddy page for one person the user supports, reached from their own home page. */
export default async function SupportedPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const { id } = await params;
  const caller = await serverCaller();
  // Someone else's entry, a revoked or expired link, a mangled id: the same "no longer works".
  const view = await caller.supporting.view({ id }).catch((error: unknown) => {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      return null;
    }
    throw error;
  });
  if (!view) notFound();
  return (
    <>
      <BackLink href="/home">Home</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Cheering on {view.ownerName}</h1>
        <p className="text-muted">Here is how their plan is going.</p>
      </div>
      <BuddyProgress view={view} locale={await requestLocale()} />
      {view.canNudge ? <NudgeButton id={id} /> : null}
      <EncourageForm id={id} ownerName={view.ownerName} defaultName={user.displayName} />
      <RemoveSupported id={id} ownerName={view.ownerName} />
    </>
  );
}
