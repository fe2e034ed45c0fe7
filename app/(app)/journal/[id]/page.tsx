import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { EntryDetail } from "./entry-detail";

// The entry's own words never go into the title: it shows in tabs and history.
export const metadata: Metadata = { title: "Journal entry" };

export default async function EntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const { id } = await params;
  const caller = await serverCaller();
  const entry = await caller.journal.byId({ id }).catch((e: unknown) => {
    // Someone else's id, a deleted entry and a mistyped link all look the same.
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  const { steps } = await caller.journal.formContext();
  return (
    <>
      <BackLink href="/journal">Journal</BackLink>
      <EntryDetail owner={user.id} entry={entry} steps={steps} timeZone={user.timeZone} />
    </>
  );
}
