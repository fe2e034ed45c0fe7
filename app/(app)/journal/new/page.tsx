import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { EntryForm } from "../entry-form";

export const metadata: Metadata = { title: "New journal entry" };

export default async function NewEntryPage({
  searchParams,
}: {
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const { user } = await requireSession();
  const { steps } = await (await serverCaller()).journal.formContext();
  // A step's task links here with ?step=N: the entry starts tied to that step.
  const { step } = await searchParams;
  const stepNumber = steps.find((s) => String(s.number) === step)?.number ?? null;
  return (
    <>
      <div className="flex flex-col gap-2">
        <BackLink href="/journal">Journal</BackLink>
        <h1 className="text-3xl font-bold">New entry</h1>
      </div>
      <EntryForm owner={user.id} steps={steps} stepNumber={stepNumber} />
    </>
  );
}
