import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Buddy inbox" };

export default async function InboxPage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [inbox, thanks] = await Promise.all([caller.buddies.inbox(), caller.buddies.thanks()]);
  return (
    <>
      <BackLink href="/buddies">Buddies</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">From your buddies</h1>
        {/* With nothing at all, the empty list below says so; "all caught up" would repeat it. */}
        {inbox.items.length > 0 ? (
          <p className="text-muted">
            {inbox.unread === 0
              ? "You're all caught up."
              : `${inbox.unread} new ${inbox.unread === 1 ? "message" : "messages"}.`}
          </p>
        ) : null}
      </div>
      <InboxList
        items={inbox.items}
        timeZone={user.timeZone}
        thanks={Object.fromEntries(thanks.map((t) => [t.id, t.thanks]))}
      />
    </>
  );
}
