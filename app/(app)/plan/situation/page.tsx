import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { SituationForm } from "./situation-form";

export const metadata: Metadata = { title: "Where things stand" };

export default async function SituationPage() {
  const { user } = await requireSession();
  const journey = await (await serverCaller()).journey.current();
  if (!journey) redirect("/onboarding");
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">About your situation</h1>
        <p className="text-muted">Change any of this whenever it stops being true.</p>
      </div>
      <SituationForm
        initial={{
          breakupDate: journey.breakupDate,
          contactLevel: journey.contactLevel,
          exName: journey.exName ?? "",
          exPronouns: journey.exPronouns,
          version: journey.version,
        }}
        nameHidden={user.discreet}
      />
    </>
  );
}
