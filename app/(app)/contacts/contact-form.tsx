"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { ChoiceField } from "@/app/_components/choice-field";
import { useDiscreet } from "@/app/_components/discreet";
import { ChangedElsewhere, DeletedElsewhere } from "@/app/_components/elsewhere-panels";
import { Field, FormError } from "@/app/_components/field";
import { useIdempotencyKey } from "@/app/_components/idempotency-key";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { mutationProblem, placeFieldErrors } from "@/app/_components/mutation-errors";
import { SavePaused } from "@/app/_components/save-paused";
import { StepSelectField } from "@/app/_components/step-select-field";
import { TextareaField } from "@/app/_components/textarea-field";
import { useHydrated } from "@/app/_components/use-hydrated";
import { ask, useDoor } from "@/app/_trpc/client";
import { PLAN_START_DATE } from "@/lib/program/discreet";
import type { ContactFields, ContactFormContext, ContactView } from "@/lib/schemas/contacts";
import { localDateTimeIn } from "@/lib/schemas/local-time";
import {
  CHANNEL_LABELS,
  CONTACT_CHANNELS,
  CONTACT_FEELINGS,
  CONTACT_NOTE_MAX,
  FEELING_LABELS,
} from "@/lib/schemas/plain";
import { fieldsOf, type KeptContact, keptContact } from "./contact-values";
import { ChannelIcon, FeelingIcon } from "./icons";
import { QuickWhen, quickTime, type When } from "./quick-when";

const FIELDS = ["occurredAt", "channel", "initiator", "feeling", "note", "stepNumber"] as const;
const resolver = lazyResolver(() => import("@/lib/schemas/contacts").then((s) => s.contactFields));

const channelChoices = CONTACT_CHANNELS.map((value) => ({
  value,
  label: CHANNEL_LABELS[value],
  icon: <ChannelIcon channel={value} />,
}));
const feelingChoices = CONTACT_FEELINGS.map((value) => ({
  value,
  label: FEELING_LABELS[value],
  icon: <FeelingIcon feeling={value} className="size-6" />,
}));

interface ContactFormProps {
  /** The signed-in person's id: what they enter is kept on the device under it. */
  owner: string;
  timeZone: string;
  journey: NonNullable<ContactFormContext["journey"]>;
  steps: ContactFormContext["steps"];
  /** Now, in the person's zone, as the server rendered it (the form's first default). */
  nowLocal: string;
  /** The contact being edited; without it the form logs a new one. */
  contact?: ContactView;
  /** For a new contact: the step it starts tied to (a step's task opened the form). */
  stepNumber?: number | null;
}

/**
 * Logs or edits a contact. Times are wall-clock times in the person's profile zone, which
 * the form names. The three quick choices fill the date and time; the field stays editable.
 */
export function ContactForm({
  owner,
  timeZone,
  journey,
  steps,
  nowLocal,
  contact,
  stepNumber = null,
}: ContactFormProps) {
  const hydrated = useHydrated();
  const discreet = useDiscreet();
  const router = useRouter();
  const keyFor = useIdempotencyKey();
  const [when, setWhen] = useState<When>(contact ? "custom" : "now");
  const [version, setVersion] = useState(contact?.version ?? 1);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<ContactView | null>(null);
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const theirName = journey.exName?.trim() || null;

  const defaults: Partial<ContactFields> = contact
    ? fieldsOf(contact, timeZone)
    : { occurredAt: nowLocal, note: "", stepNumber };
  useResolverSoon(resolver);
  const form = useForm<ContactFields>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const values = useWatch({ control: form.control });
  const note = values.note ?? "";

  // Compared field by field, not with isDirty: channel has no default, so react-hook-form
  // counts one key more and calls the form dirty after any change, even one undone.
  const kept = useKeptText({
    owner,
    form: contact ? `contact:${contact.id}` : "contact:new",
    value: keptContact(values),
    initial: keptContact(defaults),
    restore: (v) => {
      for (const [name, value] of Object.entries(v)) {
        form.setValue(name as keyof KeptContact, value ?? undefined);
      }
    },
  });

  const create = useDoor((t) => t.contacts.create.mutate);
  const update = useDoor((t) => t.contacts.update.mutate);

  const nowHere = () => localDateTimeIn(Date.now(), timeZone).slice(0, 16);

  function pick(choice: Exclude<When, "custom">) {
    form.setValue("occurredAt", quickTime(choice, timeZone), {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
    setWhen(choice);
    if (choice !== "now") form.setFocus("occurredAt");
  }

  function done() {
    kept.forget();
    router.push("/contacts");
  }

  async function showProblem(error: unknown) {
    const problem = mutationProblem(error);
    if (placeFieldErrors(form.setError, problem, FIELDS)) return;
    if (contact && problem.code === "CONFLICT") {
      try {
        setConflict(await ask((t) => t.contacts.byId.query, { id: contact.id }));
        return;
      } catch (e) {
        if (mutationProblem(e).code === "NOT_FOUND") {
          setDeletedElsewhere(true);
          return;
        }
      }
    }
    if (contact && problem.code === "NOT_FOUND") {
      setDeletedElsewhere(true);
      return;
    }
    setFormError(
      problem.code === null
        ? "We couldn't connect, so nothing was saved yet. Everything you entered is still here: check your connection and tap Save again."
        : problem.message,
    );
  }

  /** Saves; `fromVersion` overrides the version (after choosing "keep mine"). */
  const submit = (mode: { asNew?: boolean; fromVersion?: number } = {}) => {
    // "Just now" means when Save is tapped, not when the form was opened.
    if (when === "now") form.setValue("occurredAt", nowHere());
    return form.handleSubmit(async (values) => {
      setFormError(undefined);
      setConflict(null);
      try {
        if (contact && !mode.asNew) {
          await update.mutateAsync({
            ...values,
            id: contact.id,
            version: mode.fromVersion ?? version,
          });
        } else {
          const key = keyFor({ ...values, occurredAt: when === "now" ? "now" : values.occurredAt });
          await create.mutateAsync({ ...values, idempotencyKey: key });
        }
        done();
      } catch (e) {
        await showProblem(e);
      }
    })();
  };

  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    void submit({ fromVersion: conflict.version });
  };
  const takeTheirs = () => {
    if (!conflict) return;
    form.reset(fieldsOf(conflict, timeZone));
    setVersion(conflict.version);
    setConflict(null);
  };

  const occurredAt = form.register("occurredAt", { onChange: () => setWhen("custom") });

  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      className="flex flex-col gap-6"
    >
      <KeptNote kept={kept} />
      <FormError message={formError} />
      {conflict ? (
        <ChangedElsewhere
          title="This contact was changed on another device after you opened it."
          note="Your changes are still here. Choose which version to keep."
          onKeepMine={keepMine}
          onUseTheirs={takeTheirs}
        />
      ) : null}
      {deletedElsewhere ? (
        <DeletedElsewhere
          title="This contact was deleted on another device."
          note="What you entered is still here. You can log it again."
          action="Log it as a new contact"
          onAction={() => void submit({ asNew: true })}
          busy={isSubmitting}
        />
      ) : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1.5 text-sm font-semibold">When was it?</legend>
        <QuickWhen when={when} onPick={pick} />
        <Field
          label="Date and time"
          type="datetime-local"
          min={`${journey.breakupDate}T00:00`}
          max={hydrated ? nowHere() : nowLocal}
          hint={`In your time zone, ${timeZone.replaceAll("_", " ")}. You can go back as far as ${discreet ? PLAN_START_DATE : "your breakup"}.`}
          error={errors.occurredAt?.message}
          {...occurredAt}
        />
      </fieldset>

      <ChoiceField
        control={form.control}
        name="channel"
        legend="How were you in touch?"
        choices={channelChoices}
        columns="grid-cols-3 sm:grid-cols-5"
      />
      <ChoiceField
        control={form.control}
        name="initiator"
        legend="Who reached out?"
        choices={[
          { value: "me", label: "I did" },
          { value: "them", label: theirName ? `${theirName} did` : "They did" },
        ]}
      />
      <ChoiceField
        control={form.control}
        name="feeling"
        legend="How did it feel?"
        choices={feelingChoices}
      />

      <TextareaField
        label="Note (optional)"
        hint="What was said, or anything you want to remember."
        rows={3}
        className="[&_textarea]:min-h-28"
        limit={CONTACT_NOTE_MAX}
        text={note}
        error={errors.note?.message}
        {...form.register("note")}
      />

      <StepSelectField
        control={form.control}
        name="stepNumber"
        label="Part of a step? (optional)"
        steps={steps}
      />

      <SavePaused paused={create.isPaused || update.isPaused} what="Your contact is" />
      <Button type="submit" busy={isSubmitting}>
        {contact ? "Save changes" : "Save contact"}
      </Button>
    </form>
  );
}
