import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { BuddyProgress } from "@/app/b/[token]/buddy-view";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Preview as buddy" };

/** The buddy page for one link, seen from the owner's side; it doesn't count as a visit. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  const caller = await serverCaller();
  // Someone else's link, a deleted one or a mangled id: the same "can't find that page".
  const view = await caller.buddies.preview({ id }).catch((error: unknown) => {
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
      <BackLink href="/buddies">Buddies</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">What your buddy sees</h1>
        <p className="text-muted">
          This is the page behind the link, as it looks right now. Below it, your buddy also finds a
          form to send you encouragement.
        </p>
      </div>
      <BuddyProgress view={view} />
    </>
  );
}
