import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Link } from "@/app/_components/link";
import { stepName } from "@/lib/program/discreet";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { DraftEditor } from "../draft-editor";
import { noPlan } from "../no-plan";

export const metadata: Metadata = { title: "New draft" };

export default async function NewDraftPage({
  searchParams,
}: {
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const { user } = await requireSession();
  const trpc = await serverCaller();
  const steps = await trpc.drafts.steps().catch(noPlan(null));
  if (steps === null) redirect("/drafts");
  const { step: raw } = await searchParams;
  const step = steps.find((s) => String(s.stepNumber) === raw) ?? null;

  if (!step) {
    return (
      <>
        <h1 className="text-3xl font-bold">New draft</h1>
        <p className="text-muted">Which message would you like to write?</p>
        <ul className="flex flex-col gap-2">
          {steps.map((s) => (
            <li key={s.stepNumber}>
              <Link
                href={`/drafts/new?step=${s.stepNumber}`}
                className="flex min-h-12 items-center rounded-xl border border-line bg-surface px-4 py-3 font-semibold hover:bg-accent-soft"
              >
                {stepName(s.stepNumber, s.title, user.discreet)}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <>
      <BackLink />
      <div className="flex flex-col gap-1">
        <p className="text-sm font-semibold text-accent">
          {stepName(step.stepNumber, step.title, user.discreet)}
        </p>
        <h1 className="text-3xl font-bold">New draft</h1>
      </div>
      <DraftEditor
        owner={user.id}
        draft={null}
        step={step}
        timeZone={user.timeZone}
        renderedAt={new Date().toISOString()}
      />
    </>
  );
}

function BackLink() {
  return (
    <Link
      href="/drafts"
      className="-mb-3 text-sm font-semibold text-accent underline-offset-4 hover:underline"
    >
      ← All drafts
    </Link>
  );
}
