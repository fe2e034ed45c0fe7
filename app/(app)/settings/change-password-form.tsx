"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { useDoor } from "@/app/_trpc/client";
import type { ChangePasswordInput } from "@/lib/schemas/account";

const FIELDS = ["currentPassword", "newPassword"] as const;
const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.changePasswordInput),
);

/** A new password; every other device is signed out, this one stays. */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  const [formError, setFormError] = useState<string>();
  useResolverSoon(resolver);
  const form = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "" },
    // As on sign-up: checked on submit, then as they type.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors } = form.formState;
  const typed = form.watch("newPassword") ?? "";

  const change = useDoor((t) => t.account.changePassword.mutate, {
    onSuccess({ ended }) {
      form.reset({ currentPassword: "", newPassword: "" });
      setNotice(
        ended === 0
          ? "Your password is changed."
          : `Your password is changed, and ${ended === 1 ? "1 other device was" : `${ended} other devices were`} signed out.`,
      );
      router.refresh();
    },
    onError(error) {
      const problem = mutationProblem(error, UNREACHABLE_NOTHING_CHANGED);
      let onAField = false;
      for (const field of FIELDS) {
        const message = problem.fieldErrors?.[field]?.[0];
        if (message) {
          form.setError(field, { type: "server", message });
          onAField = true;
        }
      }
      setFormError(onAField ? undefined : problem.message);
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    setNotice(undefined);
    setFormError(undefined);
    change.mutate(values);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormError message={formError} />
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <NewPasswordField
        label="New password"
        typed={typed}
        advice="At least 8 characters. Your other devices will be signed out; this one stays."
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      <Button type="submit" busy={change.isPending}>
        Change password
      </Button>
      <p aria-live="polite" className="text-center text-sm text-ok">
        {notice}
      </p>
    </form>
  );
}
