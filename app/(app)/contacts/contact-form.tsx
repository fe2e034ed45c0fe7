"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, type Path, useForm, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { dayKey } from "@/app/_components/dates";
import { Field, FormError } from "@/app/_components/field";
import { useIdempotencyKey } from "@/app/_components/idempotency-key";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { SelectField } from "@/app/_components/select-field";
import { TextareaField } from "@/app/_components/textarea-field";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useTRPC } from "@/app/_trpc/client";
import {
  type ContactFields,
  type ContactFormContext,
  type ContactView,
  contactFields,
  localDateTimeIn,
  startOfLocalDate,
} from "@/lib/schemas/contacts";
import {
  CHANNEL_LABELS,
  CONTACT_CHANNELS,
  CONTACT_FEELINGS,
  CONTACT_NOTE_MAX,
  FEELING_LABELS,
} from "@/lib/schemas/plain";
import { ChannelIcon, FeelingIcon } from "./icons";

const FIELDS = ["occurredAt", "channel", "initiator", "feeling", "note", "stepNumber"] as const;

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

type When = "now" | "earlier" | "yesterday" | "custom";

/** What is kept on the device while typing; the time is left out, "just now" moves on. */
interface KeptContact {
  channel: ContactFields["channel"] | null;
  initiator: ContactFields["initiator"] | null;
  feeling: ContactFields["feeling"] | null;
  note: string;
  stepNumber: number | null;
}

const keptContact = (v: Partial<ContactFields>): KeptContact => ({
  channel: v.channel ?? null,
  initiator: v.initiator ?? null,
  feeling: v.feeling ?? null,
  note: v.note ?? "",
  stepNumber: v.stepNumber ?? null,
});

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const keyFor = useIdempotencyKey();
  const [when, setWhen] = useState<When>(contact ? "custom" : "now");
  const [version, setVersion] = useState(contact?.version ?? 1);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<ContactView | null>(null);
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const theirName = journey.exName?.trim() || null;

  const defaults: Partial<ContactFields> = contact
    ? {
        occurredAt: localDateTimeIn(contact.occurredAt, timeZone),
        channel: contact.channel,
        initiator: contact.initiator,
        feeling: contact.feeling,
        note: contact.note,
        stepNumber: contact.stepNumber,
      }
    : { occurredAt: nowLocal, note: "", stepNumber };
  const form = useForm<ContactFields>({
    resolver: zodResolver(contactFields),
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

  const create = useMutation(trpc.contacts.create.mutationOptions());
  const update = useMutation(trpc.contacts.update.mutationOptions());

  const nowHere = () => localDateTimeIn(Date.now(), timeZone).slice(0, 16);

  function pick(choice: Exclude<When, "custom">) {
    const now = Date.now();
    let at = now;
    if (choice === "earlier") {
      // Two hours ago, or midnight if that was yesterday: then adjust the time.
      const twoHoursAgo = now - 2 * 60 * 60 * 1000;
      at =
        dayKey(twoHoursAgo, timeZone) === dayKey(now, timeZone)
          ? twoHoursAgo
          : startOfLocalDate(dayKey(now, timeZone), timeZone).getTime();
    } else if (choice === "yesterday") {
      at = now - 24 * 60 * 60 * 1000;
    }
    form.setValue("occurredAt", localDateTimeIn(at, timeZone).slice(0, 16), {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
    setWhen(choice);
    if (choice !== "now") form.setFocus("occurredAt");
  }

  function done() {
    kept.forget();
    queryClient.removeQueries({ queryKey: trpc.contacts.list.pathKey() });
    router.push("/contacts");
  }

  async function showProblem(error: unknown) {
    const problem = mutationProblem(error);
    if (problem.fieldErrors) {
      let first = true;
      for (const [field, messages] of Object.entries(problem.fieldErrors)) {
        if ((FIELDS as readonly string[]).includes(field) && messages[0]) {
          form.setError(
            field as Path<ContactFields>,
            { type: "server", message: messages[0] },
            { shouldFocus: first },
          );
          first = false;
        }
      }
      if (!first) return;
    }
    if (contact && problem.code === "CONFLICT") {
      try {
        setConflict(
          await queryClient.fetchQuery(
            trpc.contacts.byId.queryOptions({ id: contact.id }, { staleTime: 0 }),
          ),
        );
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
        ? "We couldn't reach Rekindle, so nothing was saved yet. Everything you entered is still here: check your connection and tap Save again."
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
    form.reset({
      occurredAt: localDateTimeIn(conflict.occurredAt, timeZone),
      channel: conflict.channel,
      initiator: conflict.initiator,
      feeling: conflict.feeling,
      note: conflict.note,
      stepNumber: conflict.stepNumber,
    });
    setVersion(conflict.version);
    setConflict(null);
  };

  const quick: { value: Exclude<When, "custom">; label: string }[] = [
    { value: "now", label: "Just now" },
    { value: "earlier", label: "Earlier today" },
    { value: "yesterday", label: "Yesterday" },
  ];
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
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border border-danger bg-accent-soft p-4"
        >
          <p className="font-semibold">
            This contact was changed on another device after you opened it.
          </p>
          <p className="text-sm">Your changes are still here. Choose which version to keep.</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button onClick={keepMine} className="flex-1">
              Keep mine and save
            </Button>
            <Button variant="secondary" onClick={takeTheirs} className="flex-1">
              Use the other version
            </Button>
          </div>
        </div>
      ) : null}
      {deletedElsewhere ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border border-danger bg-accent-soft p-4"
        >
          <p className="font-semibold">This contact was deleted on another device.</p>
          <p className="text-sm">What you entered is still here. You can log it again.</p>
          <Button onClick={() => void submit({ asNew: true })} busy={isSubmitting}>
            Log it as a new contact
          </Button>
        </div>
      ) : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1.5 text-sm font-semibold">When was it?</legend>
        <div className="grid grid-cols-3 gap-2">
          {quick.map((q) => (
            <button
              key={q.value}
              type="button"
              aria-pressed={when === q.value}
              onClick={() => pick(q.value)}
              className="min-h-11 rounded-full border border-line bg-surface px-2 text-sm leading-tight font-semibold aria-pressed:border-accent aria-pressed:ring-1 aria-pressed:ring-accent aria-pressed:bg-accent-soft aria-pressed:text-accent"
            >
              {q.label}
            </button>
          ))}
        </div>
        <Field
          label="Date and time"
          type="datetime-local"
          min={`${journey.breakupDate}T00:00`}
          max={hydrated ? nowHere() : nowLocal}
          hint={`In your time zone, ${timeZone.replaceAll("_", " ")}. You can go back as far as your breakup.`}
          error={errors.occurredAt?.message}
          {...occurredAt}
        />
      </fieldset>

      <Controller
        control={form.control}
        name="channel"
        render={({ field, fieldState }) => (
          <ChoiceGroup
            legend="How were you in touch?"
            name={field.name}
            choices={channelChoices}
            columns="grid-cols-3 sm:grid-cols-5"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />

      <Controller
        control={form.control}
        name="initiator"
        render={({ field, fieldState }) => (
          <ChoiceGroup
            legend="Who reached out?"
            name={field.name}
            choices={[
              { value: "me", label: "I did" },
              { value: "them", label: theirName ? `${theirName} did` : "They did" },
            ]}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />

      <Controller
        control={form.control}
        name="feeling"
        render={({ field, fieldState }) => (
          <ChoiceGroup
            legend="How did it feel?"
            name={field.name}
            choices={feelingChoices}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
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

      {steps.length > 0 ? (
        <Controller
          control={form.control}
          name="stepNumber"
          render={({ field, fieldState }) => (
            <SelectField
              label="Part of a step? (optional)"
              name={field.name}
              ref={field.ref}
              value={field.value ?? ""}
              onBlur={field.onBlur}
              onChange={(e) =>
                field.onChange(e.target.value === "" ? null : Number(e.target.value))
              }
              error={fieldState.error?.message}
            >
              <option value="">No particular step</option>
              {steps.map((step) => (
                <option key={step.number} value={step.number}>
                  Step {step.number}: {step.title}
                </option>
              ))}
            </SelectField>
          )}
        />
      ) : null}

      {create.isPaused || update.isPaused ? (
        <p role="status" className="rounded-xl bg-accent-soft px-4 py-3 text-sm font-medium">
          You seem to be offline. Your contact is safe here and will be saved as soon as you're back
          online. Please keep this page open.
        </p>
      ) : null}
      <Button type="submit" busy={isSubmitting} disabled={!hydrated}>
        {contact ? "Save changes" : "Save contact"}
      </Button>
    </form>
  );
}
