"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { Link } from "@/app/_components/link";
import type { SignInInput } from "@/lib/schemas/account";
import { applyServerErrors } from "../form-errors";
import { postJson } from "../post-json";

const resolver = lazyResolver(() => import("@/lib/schemas/account").then((s) => s.signInInput));

export function SignInForm() {
  const [formError, setFormError] = useState<string>();
  useResolverSoon(resolver);
  const form = useForm<SignInInput>({
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
    const sent = await postJson("/sign-in/submit", values);
    // A full load, so every part of the app starts from the new session.
    if (sent.ok) window.location.assign("/home");
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
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Link
        href="/forgot"
        className="-mt-2 self-end text-sm font-semibold text-accent underline underline-offset-4"
      >
        Forgot your password?
      </Link>
      <Button type="submit" busy={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
