import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { Link } from "@/app/_components/link";
import { BuddyProgress } from "@/app/b/[token]/buddy-view";
import { ThanksList } from "@/app/b/[token]/updates-form";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Preview as buddy" };

/** The buddy page for one link, seen from the owner's side; it doesn't count as a visit. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  const caller = await serverCaller();
  // Someone else's link, a deleted one or a mangled id: the same "can't find that page".
  const preview = await caller.buddies.preview({ id }).catch((error: unknown) => {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      return null;
    }
    throw error;
  });
  if (!preview) notFound();
  const { link, view, thanks } = preview;
  const locale = await requestLocale();
  return (
    <>
      <BackLink href="/buddies">Buddies</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">What your buddy sees</h1>
        <p className="text-muted">
          This is the page behind the link for{" "}
          <span className="font-semibold [overflow-wrap:anywhere]">{link.label}</span>, as it looks
          right now. Below it, they also find a form to send you encouragement.
        </p>
      </div>
      <BuddyProgress view={view} locale={locale} />
      <ThanksList thanks={thanks} ownerName={view.ownerName} locale={locale} />
      {link.status === "active" ? (
        <Link
          href={`/buddies/${link.id}/edit`}
          className="inline-flex min-h-12 items-center self-start font-semibold text-accent underline-offset-4 hover:underline"
        >
          Change what they see
        </Link>
      ) : null}
    </>
  );
}
