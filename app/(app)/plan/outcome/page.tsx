import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getOutcome, OUTCOME_VALUES, type Outcome, personalize } from "@/lib/program";
import { personOf } from "@/lib/program/view";
import { requireSession } from "@/server/auth/current";
import { serverCaller } from "@/server/trpc/server";
import { OutcomeForm } from "./outcome-form";

export const metadata: Metadata = { title: "Where things stand" };

/** Discreet mode's words for each ending: how it went, not what it was about. */
const DISCREET_TITLES: Record<Outcome, string> = {
  back_together: "It worked out",
  still_working: "Still going",
  moving_on: "Closing this chapter",
};

export default async function OutcomePage() {
  const { user } = await requireSession();
  const journey = await (await serverCaller()).journey.current();
  if (!journey) redirect("/home");
  const person = personOf(journey);
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Where do things stand?</h1>
        <p className="text-muted">
          There is no wrong answer. Whatever you choose, you can start again later, and what you
          wrote stays yours.
        </p>
      </div>
      <OutcomeForm
        owner={user.id}
        version={journey.version}
        options={OUTCOME_VALUES.map((value) => ({
          value,
          title: user.discreet
            ? DISCREET_TITLES[value]
            : personalize(getOutcome(value).title, person),
          message: personalize(getOutcome(value).message, person),
        }))}
      />
    </>
  );
}
