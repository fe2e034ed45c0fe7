import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { CONTACTS_PAGE_SIZE } from "@/lib/schemas/plain";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { ContactList } from "./contact-list";
import { NoPlan } from "./no-plan";

export const metadata: Metadata = { title: "Contact log" };

export default async function ContactsPage() {
  const { user } = await requireSession();
  const caller = await serverCaller();
  const [first, { journey }] = await Promise.all([
    caller.contacts.list({ limit: CONTACTS_PAGE_SIZE }),
    caller.contacts.formContext(),
  ]);
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Contact log</h1>
        <p className="text-muted">
          Every time you were in touch, and how it felt. Only you see it.
        </p>
      </div>
      {journey ? (
        <Link href="/contacts/new" className={buttonClass("primary")}>
          <PlusIcon /> Log a contact
        </Link>
      ) : (
        <NoPlan />
      )}
      {first.items.length > 0 ? (
        <ContactList initial={first} timeZone={user.timeZone} />
      ) : journey ? (
        <section
          aria-labelledby="no-contacts"
          className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5"
        >
          <h2 id="no-contacts" className="text-xl font-bold">
            Nothing logged yet
          </h2>
          <p className="text-muted">
            Whenever you text, call, meet or see each other online, add it here. It only takes a few
            taps
            {user.hideInitiative
              ? "."
              : ", and over time it shows you who is reaching out more often."}
          </p>
          <p className="text-muted">
            Already been in touch since the breakup? You can add past contacts too.
          </p>
        </section>
      ) : null}
    </>
  );
}

function PlusIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true">
      <path
        d="M12 5v14M5 12h14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
