"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import type { StartSignUpInput } from "@/lib/schemas/account";
import { applyServerErrors } from "../form-errors";
import { postJson } from "../post-json";

const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.startSignUpInput),
);

/**
 * Only the address: the name and password are chosen on the page the mailed link opens,
 * by whoever can read that mail.
 */
export function SignUpForm() {
  const [formError, setFormError] = useState<string>();
  useResolverSoon(resolver);
  const form = useForm<StartSignUpInput>({
    resolver,
    // No defaults: whatever was typed before the page finished loading is kept.
    // Checked on submit, then as they type: validating on blur moved the button under a
    // tapping finger (a new error line appears) and swallowed the tap.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const sent = await postJson("/sign-up/submit", { email: values.email, timeZone });
    if (sent.ok) window.location.assign("/sign-up/check");
    else setFormError(applyServerErrors(form.setError, sent.result));
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field
        label="E-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        hint="We'll send a link there. You choose your name and password after opening it."
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" busy={isSubmitting}>
        Send me the link
      </Button>
    </form>
  );
}
