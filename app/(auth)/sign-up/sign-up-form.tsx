"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { PasswordMeter } from "@/app/_components/password-meter";
import { useHydrated } from "@/app/_components/use-hydrated";
import { type SignUpInput, signUpInput } from "@/lib/schemas/account";
import { applyServerErrors } from "../form-errors";
import { postJson } from "../post-json";

export function SignUpForm() {
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string>();
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    // No defaults: whatever was typed before the page finished loading is kept.
    // Checked on submit, then as they type: validating on blur moved the button under a
    // tapping finger (a new error line appears) and swallowed the tap.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const typedPassword = form.watch("password") ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const sent = await postJson("/sign-up/submit", { ...values, timeZone });
    if (sent.ok) window.location.assign("/sign-up/check");
    else setFormError(applyServerErrors(form.setError, sent.result));
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field
        label="Your first name"
        autoComplete="given-name"
        hint="This is how Rekindle will greet you."
        error={errors.displayName?.message}
        {...form.register("displayName")}
      />
      <Field
        label="E-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={
          <>
            <PasswordMeter password={typedPassword} />
            <span className="mt-1.5 block">
              At least 8 characters. A short sentence is easy to remember and hard to guess.
            </span>
          </>
        }
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" busy={isSubmitting} disabled={!hydrated}>
        Create my account
      </Button>
    </form>
  );
}
