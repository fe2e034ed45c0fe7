"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { TextareaField } from "@/app/_components/textarea-field";
import { useDoor } from "@/app/_trpc/client";
import { ENCOURAGEMENT_MESSAGE_MAX, ENCOURAGEMENT_NAME_MAX } from "@/lib/schemas/plain";
import type { EncouragementFields } from "@/lib/schemas/supporting";

const FIELDS = ["name", "message"] as const;
const resolver = lazyResolver(() =>
  import("@/lib/schemas/supporting").then((s) => s.encouragementFields),
);

/**
 * The buddy page's encouragement form, for a saved person. The words stay in the form
 * whatever goes wrong; after sending, the message box empties for the next one.
 */
export function EncourageForm({
  id,
  ownerName,
  defaultName,
}: {
  id: string;
  ownerName: string;
  defaultName: string;
}) {
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState(false);
  useResolverSoon(resolver);
  const form = useForm<EncouragementFields>({
    resolver,
    defaultValues: { name: defaultName.slice(0, ENCOURAGEMENT_NAME_MAX), message: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const message = useWatch({ control: form.control, name: "message" }) ?? "";
  const send = useDoor((t) => t.supporting.encourage.mutate);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setSent(false);
    try {
      await send.mutateAsync({ ...values, id, name: values.name || undefined });
      form.reset({ name: values.name, message: "" });
      setSent(true);
    } catch (error) {
      const problem = mutationProblem(error);
      let shown = false;
      for (const field of FIELDS) {
        const text = problem.fieldErrors?.[field]?.[0];
        if (text) {
          form.setError(field, { type: "server", message: text }, { shouldFocus: !shown });
          shown = true;
        }
      }
      if (!shown) setFormError(problem.message);
    }
  });

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="encourage-heading"
      className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="encourage-heading" className="text-xl font-bold">
        Send some encouragement
      </h2>
      <FormError message={formError} />
      <Field
        label="Your name (optional)"
        hint={`${ownerName} sees it next to your message.`}
        autoComplete="given-name"
        maxLength={ENCOURAGEMENT_NAME_MAX}
        error={errors.name?.message}
        {...form.register("name")}
      />
      <TextareaField
        label="Your message"
        hint={`Only ${ownerName} will read it.`}
        rows={4}
        limit={ENCOURAGEMENT_MESSAGE_MAX}
        text={message}
        error={errors.message?.message}
        {...form.register("message", { onChange: () => setSent(false) })}
      />
      <Button type="submit" busy={isSubmitting}>
        Send encouragement
      </Button>
      <p role="status" className="text-center text-sm text-ok">
        {sent ? "Sent. Thank you for being there." : ""}
      </p>
    </form>
  );
}
