"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { useDiscreet } from "@/app/_components/discreet";
import { Field, FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { IMPORT_MAX_BYTES } from "@/lib/schemas/plain";

type Imported = Record<string, number>;
type Answer = { imported?: Imported; formError?: string; fieldErrors?: Record<string, string[]> };

const UNREACHABLE =
  "We couldn't connect, so nothing was imported. Check your connection and try again.";
const WORDS: [string, string][] = [
  ["journeys", "plans"],
  ["journalEntries", "journal entries"],
  ["contacts", "contacts"],
  ["drafts", "drafts"],
  ["reflections", "reflections"],
  ["memories", "memories"],
  ["checkIns", "check-ins"],
  ["buddyLinks", "buddy links"],
  ["encouragements", "buddy messages"],
];

/** Sends the chosen file as it is: the server checks every part of it and says where. */
export function ImportForm() {
  const router = useRouter();
  const discreet = useDiscreet();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [imported, setImported] = useState<Imported>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A second tap while the first is on its way sends nothing.
    if (busy) return;
    setFileError(undefined);
    setFormError(undefined);
    const file = fileRef.current?.files?.[0];
    if (!file) return setFileError("Please choose the export file you downloaded.");
    if (file.size > IMPORT_MAX_BYTES) {
      return setFileError(
        `This file is larger than an import can be (${IMPORT_MAX_BYTES / 1024 / 1024} MB).`,
      );
    }
    setBusy(true);
    try {
      const response = await fetch("/api/import", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: await file.text(),
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (response.ok && answer.imported) {
        setImported(answer.imported);
        router.refresh();
        return;
      }
      const field = Object.values(answer.fieldErrors ?? {})[0]?.[0];
      if (field) setFileError(field);
      else setFormError(answer.formError ?? "Something went wrong. Please try again.");
    } catch {
      setFormError(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  if (imported) {
    const counts = WORDS.filter(([key]) => (imported[key] ?? 0) > 0);
    return (
      <div role="status" className="flex flex-col gap-3">
        <p className="font-semibold">Your data is here.</p>
        {counts.length > 0 ? (
          <ul className="list-inside list-disc text-sm text-muted">
            {counts.map(([key, words]) => (
              <li key={key}>
                {imported[key]} {words}
              </li>
            ))}
          </ul>
        ) : null}
        <Link href="/home" className={buttonClass("primary")}>
          Go to your home page
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field
        ref={fileRef}
        type="file"
        name="file"
        accept="application/json,.json"
        label={discreet ? "Your export file" : "Your Rekindle export"}
        hint="The .json file from “Download my data”."
        error={fileError}
        className="[&_input]:py-2.5"
      />
      <FormError message={formError} />
      <Button type="submit" busy={busy}>
        Import my data
      </Button>
    </form>
  );
}
