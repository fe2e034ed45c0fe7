"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { resetPasswordAction } from "../../actions";
import { applyServerErrors, isRedirect } from "../../form-errors";

/** The token comes from the page's address, not from a field anyone types in. */
const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.resetPasswordInput.omit({ token: true })),
);
type ResetFormInput = { password: string };

export function ResetForm({ token }: { token: string }) {
  const [formError, setFormError] = useState<string>();
  const router = useRouter();
  useResolverSoon(resolver);
  const form = useForm<ResetFormInput>({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const typedPassword = form.watch("password") ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const result = await resetPasswordAction({ ...values, token });
      // The page checks the link again and shows that it has expired.
      if (result.expired) router.refresh();
      else setFormError(applyServerErrors(form.setError, result));
    } catch (e) {
      if (isRedirect(e)) throw e;
      setFormError("We could not reach Rekindle. Check your connection and try again.");
    }
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      <NewPasswordField
        label="New password"
        typed={typedPassword}
        advice="At least 8 characters. A few unrelated words together work well."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" busy={isSubmitting}>
        Save my new password
      </Button>
    </form>
  );
}
