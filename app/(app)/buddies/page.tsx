import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { LinkList } from "./link-list";
import { LinkUpdates } from "./link-updates";

export const metadata: Metadata = { title: "Buddies" };

export default async function BuddiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [links, inbox, updates, params] = await Promise.all([
    caller.buddies.list(),
    caller.buddies.inbox(),
    caller.buddies.updates(),
    searchParams,
  ]);
  const updatesOf = new Map(updates.map((u) => [u.linkId, u.updates]));
  // Set by the change form after a save; an unknown id simply shows nothing.
  const changed = links.find((l) => l.id === params.changed);
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
      {changed ? (
        <p role="status" className="rounded-xl bg-accent-soft px-4 py-3 text-sm">
          Saved. The link for{" "}
          <span className="font-semibold [overflow-wrap:anywhere]">{changed.label}</span> is up to
          date, and they'll see it the next time they open it.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Link href="/buddies/new" className={buttonClass("primary", "grow whitespace-nowrap")}>
          Invite a buddy
        </Link>
        <Link href="/buddies/inbox" className={buttonClass("secondary", "grow whitespace-nowrap")}>
          Inbox{inbox.unread > 0 ? ` (${inbox.unread} new)` : ""}
        </Link>
      </div>
      <LinkList links={links} timeZone={user.timeZone} />
      <LinkUpdates
        rows={links
          .filter((l) => l.status === "active")
          .map((l) => ({ linkId: l.id, label: l.label, updates: updatesOf.get(l.id) ?? "off" }))}
      />
    </>
  );
}
