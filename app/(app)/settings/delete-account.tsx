"use client";

import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { DeleteAccountInput } from "@/lib/schemas/account";
import { leaveAfterDeletion } from "./actions";

const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.deleteAccountInput),
);

/** Deleting the account: one calm step that says what goes, then the password again. */
export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [leaving, setLeaving] = useState(false);
  useResolverSoon(resolver);
  const form = useForm<DeleteAccountInput>({
    resolver,
    defaultValues: { password: "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors } = form.formState;

  // Typing the password is the next step, and a safe one: nothing goes until it is sent.
  useEffect(() => {
    if (open) form.setFocus("password");
  }, [open, form]);

  const remove = useDoor((t) => t.account.deleteAccount.mutate, {
    async onSuccess() {
      setLeaving(true);
      try {
        await leaveAfterDeletion(); // clears the cookie and goes to the goodbye page
      } catch {
        // The account is gone either way; the cookie left behind opens nothing.
        window.location.assign("/goodbye");
      }
    },
    onError(error) {
      const problem = mutationProblem(error, UNREACHABLE_NOTHING_CHANGED);
      const message = problem.fieldErrors?.password?.[0];
      if (message) form.setError("password", { type: "server", message });
      setFormError(message ? undefined : problem.message);
    },
  });

  if (!open) {
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete my account
      </Button>
    );
  }

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    remove.mutate(values);
  });

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-xl bg-accent-soft p-4"
    >
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <h3 className="font-semibold">Delete your account for good?</h3>
      <p>Everything goes at once, and it can't be brought back:</p>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        <li>your plan, with its steps, tasks, reflections and memories</li>
        <li>your journal, contact log and drafts</li>
        <li>your check-ins and pause days</li>
        <li>your buddy links, which stop working straight away, and their messages</li>
        <li>the people you support</li>
      </ul>
      <p>You'll be signed out on every device. If you'd like a copy, download your data first.</p>
      <FormError message={formError} />
      <Field
        label="Your password"
        type="password"
        autoComplete="current-password"
        hint="To make sure it's really you."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          type="submit"
          variant="danger"
          busy={remove.isPending || leaving}
          className="sm:flex-1"
        >
          Delete my account
        </Button>
        <Button
          variant="secondary"
          disabled={remove.isPending || leaving}
          onClick={() => {
            setOpen(false);
            setFormError(undefined);
            form.reset({ password: "" });
          }}
          className="sm:flex-1"
        >
          Keep my account
        </Button>
      </div>
    </form>
  );
}
