import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { dateTime } from "@/app/_components/moments";
import { localDay } from "@/lib/stats/days";
import { requireSession } from "@/server/auth/current";
import { requestLocale } from "@/server/http/locale";
import { serverCaller } from "@/server/trpc/server";
import { EditLinkForm } from "./edit-link-form";

export const metadata: Metadata = { title: "Change a buddy link" };

export default async function EditBuddyLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const locale = await requestLocale();
  const { id } = await params;
  // There is no single-link query: the list is short, and it already answers only with
  // this person's own links, so someone else's id simply isn't in it.
  const links = await (await serverCaller()).buddies.list();
  const link = links.find((l) => l.id === id);
  if (!link) notFound();

  if (link.status === "revoked") {
    return (
      <>
        <BackLink href="/buddies">Buddies</BackLink>
        <div className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold">This link is turned off</h1>
          <p className="text-muted">
            You revoked the link for <span className="[overflow-wrap:anywhere]">{link.label}</span>
            {link.revokedAt ? ` on ${dateTime(link.revokedAt, user.timeZone, locale)}` : ""}, so it
            can't be changed. If you'd like them to follow along again, make a new one.
          </p>
        </div>
        <Link href="/buddies/new" className={buttonClass("primary")}>
          Invite a buddy
        </Link>
      </>
    );
  }

  return (
    <>
      <BackLink href="/buddies">Buddies</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Change a link</h1>
        <p className="text-muted">
          The address stays the same, so there's nothing new to send. Your buddy sees the change the
          next time they open it.
        </p>
      </div>
      {link.status === "expired" && link.expiresAt ? (
        <p className="rounded-xl bg-accent-soft px-4 py-3 text-sm">
          This link stopped working on {dateTime(link.expiresAt, user.timeZone, locale)}. Saving
          turns it back on until the end you choose below.
        </p>
      ) : null}
      <EditLinkForm
        link={link}
        timeZone={user.timeZone}
        today={localDay(Date.now(), user.timeZone)}
      />
    </>
  );
}
