import type { Metadata } from "next";
import { BackLink } from "@/app/_components/back-link";
import { requireSession } from "@/server/auth/current";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import your data" };

export default async function ImportPage() {
  await requireSession();
  return (
    <>
      <BackLink href="/settings">Settings</BackLink>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Import your data</h1>
        <p className="text-muted">
          Moving from another account? Bring the file you downloaded there, and everything you wrote
          comes with you.
        </p>
      </div>

      <section
        aria-labelledby="what-comes"
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="what-comes" className="text-xl font-bold">
          What comes across
        </h2>
        <ul className="list-inside list-disc text-sm text-muted">
          <li>Your plan, tasks, reflections and memories</li>
          <li>Your journal, contact log, drafts, check-ins and rest days</li>
          <li>Your name, time zone, week start, discreet mode and reminder times</li>
          <li>Your buddies' messages, with their links switched off</li>
        </ul>
        <p className="text-sm text-muted">
          Your e-mail and password stay as they are here. Old buddy and calendar links don't move:
          make new ones when you're ready, so only the people you choose can open them.
        </p>
        <p className="text-sm text-muted">
          This works only in a new account that has nothing in it yet, so nothing is ever mixed or
          overwritten.
        </p>
      </section>

      <section
        aria-labelledby="choose-file"
        className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
      >
        <h2 id="choose-file" className="text-xl font-bold">
          Choose your file
        </h2>
        <ImportForm />
      </section>
    </>
  );
}
