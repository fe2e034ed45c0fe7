"use client";

import { type FormEvent, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { CopyOnceField } from "@/app/_components/copy-once-field";
import { Field, FormError } from "@/app/_components/field";
import { useIdempotencyKey } from "@/app/_components/idempotency-key";
import { Link } from "@/app/_components/link";
import { formBanner, mutationProblem } from "@/app/_components/mutation-errors";
import { SelectField } from "@/app/_components/select-field";
import { useDoor } from "@/app/_trpc/client";
import type { BuddyScope } from "@/lib/schemas/buddies";
import { BUDDY_LABEL_MAX } from "@/lib/schemas/plain";
import { SCOPE_CHOICES } from "../link-options";
import { ShareLink } from "./share-link";

type ExpiryChoice = "none" | "7" | "30" | "90" | "date";

const LABELS = { label: "Who is it for?", expiry: "Last day it works" } as const;

export function CreateLinkForm() {
  const keyFor = useIdempotencyKey();
  const [label, setLabel] = useState("");
  const [scope, setScope] = useState<BuddyScope>("progress");
  const [expiry, setExpiry] = useState<ExpiryChoice>("30");
  const [date, setDate] = useState("");
  const [showExName, setShowExName] = useState(false);
  const create = useDoor((t) => t.buddies.create.mutate);
  const problem = create.error ? mutationProblem(create.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = {
      label,
      scope,
      expiry: expiry === "date" ? { date } : expiry,
      showExName,
    };
    create.mutate({ ...values, idempotencyKey: keyFor(values) });
  }

  if (create.data) {
    const url = `${window.location.origin}/b/${create.data.token}`;
    return (
      <section className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5">
        <h2 className="text-xl font-bold [overflow-wrap:anywhere]">
          Your link for {create.data.link.label}
        </h2>
        <p>
          Send it to them now. For your privacy we don't keep it, so it can't be shown again; you
          can always make a new one.
        </p>
        <ShareLink url={url} />
        <CopyOnceField
          key={url}
          id="buddy-url"
          label="Link"
          value={url}
          copyLabel="Copy link"
          copiedMessage="Link copied"
        />
        <Link href="/buddies" className={buttonClass("secondary")}>
          Done
        </Link>
      </section>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <FormError message={problem ? formBanner(problem, LABELS) : undefined} />
      <Field
        label={LABELS.label}
        hint="Only you see this, e.g. “my sister”."
        value={label}
        maxLength={BUDDY_LABEL_MAX}
        onChange={(e) => setLabel(e.target.value)}
        error={problem?.fieldErrors?.label?.[0]}
        required
      />
      <ChoiceGroup
        legend="What may they see?"
        name="scope"
        choices={SCOPE_CHOICES}
        value={scope}
        onChange={setScope}
        columns="grid-cols-1"
      />
      <SelectField
        label="Link works for"
        value={expiry}
        onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}
      >
        <option value="7">7 days</option>
        <option value="30">30 days</option>
        <option value="90">90 days</option>
        <option value="none">Until I turn it off</option>
        <option value="date">Until a date I choose</option>
      </SelectField>
      {expiry === "date" ? (
        <Field
          label={LABELS.expiry}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={problem?.fieldErrors?.expiry?.[0] ?? problem?.fieldErrors?.["expiry.date"]?.[0]}
        />
      ) : null}
      <CheckboxField
        label="Show their name"
        description="Off by default: your buddy sees “them” instead of the name."
        checked={showExName}
        onChange={(e) => setShowExName(e.target.checked)}
      />
      <Button type="submit" busy={create.isPending}>
        Make the link
      </Button>
    </form>
  );
}
