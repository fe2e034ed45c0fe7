import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { CreateLinkForm } from "./create-link-form";

export const metadata: Metadata = { title: "Invite a buddy" };

export default async function NewBuddyPage() {
  await requireSession();
  return (
    <>
      <BackLink href="/buddies">Buddies</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Invite a buddy</h1>
        <p className="text-muted">
          Make one link per person, so you can turn off one without the others. Your buddy doesn't
          need an account.
        </p>
      </div>
      <CreateLinkForm />
    </>
  );
}
