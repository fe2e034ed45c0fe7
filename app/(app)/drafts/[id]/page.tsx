import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/app/_components/link";
import { stepName } from "@/lib/program/discreet";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { DraftEditor } from "../draft-editor";
import { noPlan } from "../no-plan";

export const metadata: Metadata = { title: "Draft" };

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const { id } = await params;
  const trpc = await serverCaller();
  const draft = await trpc.drafts.byId({ id }).catch((e: unknown) => {
    // Someone else's draft, a deleted one, or a mangled link: all simply "not found".
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) {
      notFound();
    }
    throw e;
  });
  // A draft from a journey that has ended still opens, without its questions.
  const steps = await trpc.drafts.steps().catch(noPlan([]));
  const step = steps.find((s) => s.stepNumber === draft.stepNumber) ?? {
    stepNumber: draft.stepNumber,
    title: `Step ${draft.stepNumber}`,
    checks: [],
  };

  return (
    <>
      <Link
        href="/drafts"
        className="-mb-3 text-sm font-semibold text-accent underline-offset-4 hover:underline"
      >
        ← All drafts
      </Link>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-semibold text-accent">
          {stepName(step.stepNumber, step.title, user.discreet)}
        </p>
        <h1 className="text-3xl font-bold">
          {draft.status === "sent" ? "Sent message" : "Your draft"}
        </h1>
      </div>
      <DraftEditor
        owner={user.id}
        key={`${draft.id}-${draft.version}`}
        draft={draft}
        step={step}
        timeZone={user.timeZone}
        renderedAt={new Date().toISOString()}
      />
    </>
  );
}
