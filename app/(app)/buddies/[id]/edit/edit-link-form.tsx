"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { ChoiceField } from "@/app/_components/choice-field";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { Link } from "@/app/_components/link";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { SavePaused } from "@/app/_components/save-paused";
import { SelectField } from "@/app/_components/select-field";
import { ask, useDoor } from "@/app/_trpc/client";
import type { BuddyLinkView } from "@/lib/schemas/buddies";
import { BUDDY_LABEL_MAX } from "@/lib/schemas/plain";
import { addDays, type Day } from "@/lib/stats/days";
import { dayLabel, lastDayOf, SCOPE_CHOICES, SCOPE_LABEL } from "../../link-options";
import { type Ends, expiryOf, type FormInput, type FormOutput, valuesOf } from "./link-form-values";

interface EditLinkFormProps {
  link: BuddyLinkView;
  timeZone: string;
  /** Today in the owner's zone, as the server rendered the page. */
  today: Day;
}

/**
 * Changes a link's name, what it shows and when it ends. The end date on offer as "keep"
 * is the one shown when the page opened; if the link changed elsewhere meanwhile, the form
 * says so and keeps what was typed until the person chooses.
 */
export function EditLinkForm({ link, timeZone, today }: EditLinkFormProps) {
  const locale = useLocale();
  const router = useRouter();
  const [keepDay, setKeepDay] = useState(() => lastDayOf(link, timeZone));
  const [version, setVersion] = useState(link.version);
  const [formError, setFormError] = useState<string>();
  const [newer, setNewer] = useState<BuddyLinkView | null>(null);
  const [gone, setGone] = useState(false);
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(
    () => lazyResolver(() => import("./link-form-schema").then((s) => s.formSchema(timeZone))),
    [timeZone],
  );
  useResolverSoon(resolver);

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: valuesOf(link, keepDay),
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const ends = useWatch({ control: form.control, name: "ends" });
  const update = useDoor((t) => t.buddies.update.mutate);

  useEffect(() => {
    // Once revoked elsewhere there is nothing left to save, so nothing to warn about.
    if (!isDirty || saved || gone) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, saved, gone]);

  /** The link as it is now, or null when it's gone or was revoked. */
  async function fetchCurrent(): Promise<BuddyLinkView | null> {
    const links = await ask((t) => t.buddies.list.query, undefined);
    const current = links.find((l) => l.id === link.id);
    return current && current.status !== "revoked" ? current : null;
  }

  async function showProblem(error: unknown, values: FormOutput) {
    const problem = mutationProblem(error);
    let placed = false;
    for (const [field, messages] of Object.entries(problem.fieldErrors ?? {})) {
      const message = messages[0];
      if (!message) continue;
      const target =
        field === "label" || field === "scope" || field === "showExName"
          ? field
          : field.startsWith("expiry")
            ? values.ends === "date"
              ? "date"
              : "ends"
            : null;
      if (!target) continue;
      form.setError(target, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
    if (placed) return;
    // A stale version, or a link revoked or removed since the page opened: look again.
    if (
      problem.code === "CONFLICT" ||
      problem.code === "NOT_FOUND" ||
      problem.code === "BAD_REQUEST"
    ) {
      try {
        const current = await fetchCurrent();
        if (!current) {
          setGone(true);
          return;
        }
        if (problem.code === "CONFLICT") {
          setNewer(current);
          setVersion(current.version);
          return;
        }
      } catch {
        // Couldn't look: the server's own sentence below still says what to do.
      }
    }
    setFormError(
      problem.code === null
        ? "We couldn't connect, so nothing was saved yet. Everything you chose is still here: check your connection and tap Save again."
        : problem.message,
    );
  }

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setNewer(null);
    try {
      await update.mutateAsync({
        id: link.id,
        version,
        label: values.label,
        scope: values.scope,
        showExName: values.showExName,
        expiry: expiryOf(values, keepDay),
      });
      setSaved(true);
      router.push(`/buddies?changed=${link.id}`);
    } catch (e) {
      await showProblem(e, values);
    }
  });

  function loadNewer() {
    if (!newer) return;
    const newerLastDay = lastDayOf(newer, timeZone);
    form.reset(valuesOf(newer, newerLastDay));
    // "Keep" now means the newer end date; the choice shows which.
    setKeepDay(newerLastDay);
    setVersion(newer.version);
    setNewer(null);
    // The button that was tapped is gone: wait for the re-render, then start at the top.
    requestAnimationFrame(() => form.setFocus("label"));
  }

  const dayText = (day: Day) => dayLabel(day, today, locale);
  const outcome: Record<Ends, string | null> = {
    keep: keepDay ? `Works through ${dayText(keepDay)}, as it does now.` : null,
    "7": `Stops working on ${dayText(addDays(today, 7))}, at this time of day.`,
    "30": `Stops working on ${dayText(addDays(today, 30))}, at this time of day.`,
    "90": `Stops working on ${dayText(addDays(today, 90))}, at this time of day.`,
    none: "Works until you turn it off here.",
    date: "Works through the whole of the day you choose.",
  };

  return (
    <form method="post" onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      {newer ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border border-danger bg-accent-soft p-4"
        >
          <p className="font-semibold">
            This link was changed on another device after you opened it.
          </p>
          <p className="text-sm">
            It's now called “<span className="break-words">{newer.label}</span>” and shows{" "}
            {SCOPE_LABEL[newer.scope].toLowerCase()}. Your own changes are still in the form below:
            tap Save changes to keep yours, or load the newer version instead.
          </p>
          <Button variant="secondary" onClick={loadNewer}>
            Load the newer version
          </Button>
        </div>
      ) : null}
      {gone ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border border-danger bg-accent-soft p-4"
        >
          <p className="font-semibold">This link was revoked on another device.</p>
          <p className="text-sm">
            It can't be changed any more. If you'd like them to follow along again, make a new one.
          </p>
          <Link
            href="/buddies/new"
            className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
          >
            Invite a buddy
          </Link>
        </div>
      ) : null}

      <Field
        label="Who is it for?"
        hint="Only you see this."
        maxLength={BUDDY_LABEL_MAX}
        autoComplete="off"
        error={errors.label?.message}
        {...form.register("label")}
      />
      <ChoiceField
        control={form.control}
        name="scope"
        legend="What may they see?"
        choices={SCOPE_CHOICES}
        columns="grid-cols-1"
      />
      <CheckboxField
        label="Show their name"
        description="When off, your buddy sees “them” instead of the name."
        error={errors.showExName?.message}
        {...form.register("showExName")}
      />
      <SelectField
        label="Link works"
        hint={outcome[ends]}
        error={errors.ends?.message}
        {...form.register("ends")}
      >
        {keepDay ? <option value="keep">Keep the current end date</option> : null}
        <option value="7">For 7 days from today</option>
        <option value="30">For 30 days from today</option>
        <option value="90">For 90 days from today</option>
        <option value="none">Until I turn it off</option>
        <option value="date">Until a date I choose</option>
      </SelectField>
      {ends === "date" ? (
        <Field
          label="Last day it works"
          type="date"
          min={today}
          error={errors.date?.message}
          {...form.register("date")}
        />
      ) : null}

      <SavePaused paused={update.isPaused} what="Your changes are" />
      <Button type="submit" busy={isSubmitting} disabled={gone}>
        Save changes
      </Button>
    </form>
  );
}
