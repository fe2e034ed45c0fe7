import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getProgram } from "@/lib/program";
import { personOf } from "@/lib/program/view";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { Retake } from "./retake";

export const metadata: Metadata = { title: "Are you ready?" };

export default async function ReadinessPage() {
  await requireSession();
  const journey = await (await serverCaller()).journey.current();
  // The check is saved on the plan, so without one it belongs to onboarding.
  if (!journey) redirect("/onboarding");
  // Discreet mode already took the name out of the journey the caller returns.
  const { readiness } = getProgram(journey.programVersion);
  return <Retake person={personOf(journey)} readiness={readiness} />;
}
