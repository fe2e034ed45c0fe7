import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { localDateTimeIn } from "@/lib/schemas/contacts";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { ContactForm } from "../contact-form";
import { NoPlan } from "../no-plan";

export const metadata: Metadata = { title: "Log a contact" };

export default async function NewContactPage({
  searchParams,
}: {
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const { user } = await requireSession();
  const { journey, steps } = await (await serverCaller()).contacts.formContext();
  // A step's task links here with ?step=N: the contact starts tied to that step.
  const { step } = await searchParams;
  const stepNumber = steps.find((s) => String(s.number) === step)?.number ?? null;
  return (
    <>
      <div className="flex flex-col gap-2">
        <BackLink href="/contacts">Contact log</BackLink>
        <h1 className="text-3xl font-bold">Log a contact</h1>
      </div>
      {journey ? (
        <ContactForm
          owner={user.id}
          timeZone={user.timeZone}
          journey={journey}
          steps={steps}
          nowLocal={localDateTimeIn(Date.now(), user.timeZone).slice(0, 16)}
          stepNumber={stepNumber}
        />
      ) : (
        <NoPlan />
      )}
    </>
  );
}
