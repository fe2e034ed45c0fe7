"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { applyServerErrors } from "../../form-errors";
import { postJson } from "../../post-json";

/** The token comes from the page's address, not from a field anyone types in. */
const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.finishSignUpInput.omit({ token: true })),
);
type FinishFormInput = { displayName: string; password: string };

const EXPIRED =
  "This link has expired or was already used. Sign in, or sign up again for a new link.";

export function FinishSignUp({ token, address }: { token: string; address: string }) {
  const [formError, setFormError] = useState<string>();
  const [expired, setExpired] = useState(false);
  useResolverSoon(resolver);
  const form = useForm<FinishFormInput>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const typedPassword = form.watch("password") ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const sent = await postJson("/sign-up/finish", { ...values, token });
    // A full load, so every part of the app starts from the new session.
    if (sent.ok) window.location.assign("/home");
    else if (sent.status === 404) setExpired(true);
    else setFormError(applyServerErrors(form.setError, sent.result));
  });

  if (expired) {
    return (
      <p role="alert" className="text-danger">
        {EXPIRED}
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      {/* So a password manager saves the new password under the right address. */}
      <input type="hidden" name="username" autoComplete="username" value={address} readOnly />
      <Field
        label="Your first name"
        autoComplete="given-name"
        hint="This is how Rekindle will greet you."
        error={errors.displayName?.message}
        {...form.register("displayName")}
      />
      <NewPasswordField
        label="Password"
        typed={typedPassword}
        advice="At least 8 characters. A short sentence is easy to remember and hard to guess."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" busy={isSubmitting}>
        Create my account
      </Button>
    </form>
  );
}
