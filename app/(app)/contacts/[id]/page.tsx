import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/app/_components/back-link";
import { localDateTimeIn } from "@/lib/schemas/contacts";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { ContactForm } from "../contact-form";
import { DeleteContact } from "./delete-contact";

export const metadata: Metadata = { title: "Edit contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const { id } = await params;
  const caller = await serverCaller();
  const contact = await caller.contacts.byId({ id }).catch((e: unknown) => {
    // Someone else's id, a deleted contact and a mistyped link all look the same.
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  const { steps } = await caller.contacts.formContext();
  return (
    <>
      <div className="flex flex-col gap-2">
        <BackLink href="/contacts">Contact log</BackLink>
        <h1 className="text-3xl font-bold">Edit contact</h1>
      </div>
      <ContactForm
        owner={user.id}
        timeZone={user.timeZone}
        journey={{ exName: contact.exName, breakupDate: contact.breakupDate }}
        steps={steps}
        nowLocal={localDateTimeIn(Date.now(), user.timeZone).slice(0, 16)}
        contact={contact}
      />
      <div className="mt-4 flex flex-col border-t border-line pt-6">
        <DeleteContact id={contact.id} />
      </div>
    </>
  );
}
