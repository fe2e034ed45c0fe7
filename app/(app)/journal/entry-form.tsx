"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { ChangedElsewhere, DeletedElsewhere } from "@/app/_components/elsewhere-panels";
import { FormError } from "@/app/_components/field";
import { useIdempotencyKey } from "@/app/_components/idempotency-key";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { mutationProblem, placeFieldErrors } from "@/app/_components/mutation-errors";
import { SavePaused } from "@/app/_components/save-paused";
import { StepSelectField } from "@/app/_components/step-select-field";
import { TextareaField } from "@/app/_components/textarea-field";
import { ask, useDoor } from "@/app/_trpc/client";
import type {
  JournalEntryFields,
  JournalEntryView,
  JournalFormContext,
} from "@/lib/schemas/journal";
import { JOURNAL_BODY_MAX, moodLabel } from "@/lib/schemas/plain";
import { MoodFace } from "./mood";
import { MoodPicker } from "./mood-picker";

const FIELDS = ["mood", "body", "stepNumber", "sharedWithBuddies"] as const;
const resolver = lazyResolver(() =>
  import("@/lib/schemas/journal").then((s) => s.journalEntryFields),
);

/** What is kept on the device while typing: the form's values, each always present. */
interface KeptEntry {
  mood: number | null;
  body: string;
  stepNumber: number | null;
  sharedWithBuddies: boolean;
}

const keptEntry = (v: Partial<JournalEntryFields>): KeptEntry => ({
  mood: v.mood ?? null,
  body: v.body ?? "",
  stepNumber: v.stepNumber ?? null,
  sharedWithBuddies: v.sharedWithBuddies ?? false,
});

const formValues = (kept: KeptEntry): Partial<JournalEntryFields> => ({
  ...kept,
  mood: kept.mood ?? undefined,
});

interface EntryFormProps {
  /** The signed-in person's id: what they type is kept on the device under it. */
  owner: string;
  steps: JournalFormContext["steps"];
  /** The entry being edited; without it the form writes a new one. */
  entry?: JournalEntryView;
  /** For a new entry: the step it starts tied to (a step's task opened the form). */
  stepNumber?: number | null;
  onSaved?: (entry: JournalEntryView) => void;
  onCancel?: () => void;
}

/**
 * Writes or edits an entry. Whatever goes wrong (offline, a conflict with another device,
 * the entry deleted elsewhere), the person's text stays in the form and the message says
 * what they can do next.
 */
export function EntryForm({
  owner,
  steps,
  entry,
  stepNumber = null,
  onSaved,
  onCancel,
}: EntryFormProps) {
  const router = useRouter();
  const keyFor = useIdempotencyKey();
  const [version, setVersion] = useState(entry?.version ?? 1);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<JournalEntryView | null>(null);
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);

  const defaults: Partial<JournalEntryFields> = entry
    ? {
        mood: entry.mood,
        body: entry.body,
        stepNumber: entry.stepNumber,
        sharedWithBuddies: entry.sharedWithBuddies,
      }
    : { body: "", stepNumber, sharedWithBuddies: false };
  useResolverSoon(resolver);
  const form = useForm<JournalEntryFields>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const values = useWatch({ control: form.control });
  const body = values.body ?? "";

  // Compared field by field, not with isDirty: mood has no default, so react-hook-form
  // counts one key more and calls the form dirty after any change, even one undone.
  const kept = useKeptText({
    owner,
    form: entry ? `journal:${entry.id}` : "journal:new",
    value: keptEntry(values),
    initial: keptEntry(defaults),
    restore: (v) => form.reset(formValues(v)),
  });

  const create = useDoor((t) => t.journal.create.mutate);
  const update = useDoor((t) => t.journal.update.mutate);

  function done(result: JournalEntryView) {
    kept.forget();
    if (onSaved) onSaved(result);
    else router.push("/journal");
  }

  async function showProblem(error: unknown) {
    const problem = mutationProblem(error);
    if (placeFieldErrors(form.setError, problem, FIELDS)) return;
    if (entry && problem.code === "CONFLICT") {
      try {
        const latest = await ask((t) => t.journal.byId.query, { id: entry.id });
        setConflict(latest);
        return;
      } catch (e) {
        if (mutationProblem(e).code === "NOT_FOUND") {
          setDeletedElsewhere(true);
          return;
        }
      }
    }
    if (entry && problem.code === "NOT_FOUND") {
      setDeletedElsewhere(true);
      return;
    }
    setFormError(problem.message);
  }

  const save = (asNew: boolean) =>
    form.handleSubmit(async (values) => {
      setFormError(undefined);
      setConflict(null);
      try {
        if (entry && !asNew) {
          done(await update.mutateAsync({ ...values, id: entry.id, version }));
        } else {
          const result = await create.mutateAsync({ ...values, idempotencyKey: keyFor(values) });
          setDeletedElsewhere(false);
          done(result);
        }
      } catch (e) {
        await showProblem(e);
      }
    });

  /** Saves over the other device's version, on purpose, from the newest version number. */
  const saveMineInstead = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
    void saveWith(conflict.version);
  };
  const saveWith = (fromVersion: number) =>
    form.handleSubmit(async (values) => {
      if (!entry) return;
      setFormError(undefined);
      try {
        done(await update.mutateAsync({ ...values, id: entry.id, version: fromVersion }));
      } catch (e) {
        await showProblem(e);
      }
    })();

  const takeTheirs = () => {
    if (!conflict) return;
    form.reset({
      mood: conflict.mood,
      body: conflict.body,
      stepNumber: conflict.stepNumber,
      sharedWithBuddies: conflict.sharedWithBuddies,
    });
    setVersion(conflict.version);
    setConflict(null);
  };

  return (
    <form method="post" onSubmit={save(false)} noValidate className="flex flex-col gap-6">
      <KeptNote kept={kept} />
      <FormError message={formError} />
      {conflict ? (
        <ChangedElsewhere
          title="This entry was changed on another device after you opened it."
          note="Your text is still here, nothing is lost. Choose which version to keep."
          onKeepMine={saveMineInstead}
          onUseTheirs={takeTheirs}
        >
          <OtherVersion other={conflict} />
        </ChangedElsewhere>
      ) : null}
      {deletedElsewhere ? (
        <DeletedElsewhere
          title="This entry was deleted on another device."
          note="Your text is still here. You can keep it as a new entry."
          action="Save as a new entry"
          onAction={() => void save(true)()}
          busy={isSubmitting}
        />
      ) : null}

      <MoodPicker control={form.control} name="mood" />

      <TextareaField
        label="What's on your mind?"
        hint="Write as much or as little as you like."
        rows={8}
        limit={JOURNAL_BODY_MAX}
        text={body}
        error={errors.body?.message}
        {...form.register("body")}
      />

      <StepSelectField
        control={form.control}
        name="stepNumber"
        label="Is it about a step of your plan? (optional)"
        steps={steps}
      />

      <CheckboxField
        label="Share this entry with my buddies"
        description="Only this one entry. Your buddies can read it on their link; everything else in your journal stays private."
        error={errors.sharedWithBuddies?.message}
        {...form.register("sharedWithBuddies")}
      />

      <SavePaused paused={create.isPaused || update.isPaused} what="Your entry is" />
      <div className="flex flex-col gap-3">
        <Button type="submit" busy={isSubmitting}>
          {entry ? "Save changes" : "Save entry"}
        </Button>
        {onCancel ? (
          <Button
            variant="secondary"
            onClick={() => {
              // Cancelling is choosing to let the changes go.
              kept.discard();
              onCancel();
            }}
            disabled={isSubmitting}
          >
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The version another device saved, folded away until asked for. */
function OtherVersion({ other }: { other: JournalEntryView }) {
  return (
    <details className="rounded-lg bg-surface p-3 text-sm">
      <summary className="cursor-pointer font-semibold">See the other version</summary>
      <p className="mt-2 flex items-center gap-2 text-muted">
        <MoodFace mood={other.mood} className="size-6" /> {moodLabel(other.mood)}
      </p>
      <p dir="auto" className="mt-2 max-h-60 overflow-auto break-words whitespace-pre-wrap">
        {other.body}
      </p>
    </details>
  );
}
