import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentProgram } from "@/lib/program";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { Onboarding } from "./onboarding";

export const metadata: Metadata = { title: "Before you begin" };

export default async function OnboardingPage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  if (await caller.journey.current()) redirect("/plan");
  // The words go down as props: the client screens then never import the program's text.
  const { readiness, safety } = currentProgram;
  return <Onboarding owner={user.id} readiness={readiness} safety={safety} />;
}
