import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/app/_components/back-link";
import { buttonClass } from "@/app/_components/button";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { LinkList } from "./link-list";

export const metadata: Metadata = { title: "Buddies" };

export default async function BuddiesPage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [links, inbox] = await Promise.all([caller.buddies.list(), caller.buddies.inbox()]);
  return (
    <>
      <BackLink href="/home">Home</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Buddies</h1>
        <p className="text-muted">
          Share your progress with a friend who keeps you honest. They see only what you choose:
          never your contacts, never a private entry.
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Link href="/buddies/new" className={buttonClass("primary")}>
          Invite a buddy
        </Link>
        <Link href="/buddies/inbox" className={buttonClass("secondary")}>
          Inbox{inbox.unread > 0 ? ` (${inbox.unread} new)` : ""}
        </Link>
      </div>
      <LinkList links={links} timeZone={user.timeZone} />
    </>
  );
}
