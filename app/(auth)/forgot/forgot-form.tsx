"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import type { ForgotPasswordInput } from "@/lib/schemas/account";
import { applyServerErrors } from "../form-errors";
import { postJson } from "../post-json";

const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.forgotPasswordInput),
);

export function ForgotForm() {
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<string>();
  useResolverSoon(resolver);
  const form = useForm<ForgotPasswordInput>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const sent = await postJson<{ done: string }>("/forgot/submit", values);
    if (sent.ok) setDone(sent.data.done);
    else setFormError(applyServerErrors(form.setError, sent.result));
  });

  if (done) {
    return (
      <div role="status" className="flex flex-col gap-2 rounded-xl bg-accent-soft px-4 py-4">
        <p className="font-semibold">Check your inbox</p>
        <p className="text-sm">{done}</p>
        <p className="text-sm text-muted">
          Nothing after a few minutes? Look in your spam folder, or check the address.
        </p>
        <button
          type="button"
          className="self-start text-sm font-semibold text-accent underline underline-offset-4"
          onClick={() => {
            form.reset();
            setDone(undefined);
          }}
        >
          Use another address
        </button>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field
        label="E-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" busy={isSubmitting}>
        Send me a link
      </Button>
    </form>
  );
}
