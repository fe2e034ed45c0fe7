"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { isServerAnswer, mutationProblem } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { Profile, UpdateProfileInput } from "@/lib/schemas/account";

const resolver = lazyResolver(() =>
  import("@/lib/schemas/account").then((s) => s.updateProfileInput),
);

export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(profile.timeZone) ? all : [profile.timeZone, ...all];
  }, [profile.timeZone]);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  useResolverSoon(resolver);
  const form = useForm<UpdateProfileInput>({
    resolver,
    defaultValues: {
      displayName: profile.displayName,
      timeZone: profile.timeZone,
      version: profile.version,
    },
  });
  const { errors } = form.formState;

  const save = useDoor((t) => t.account.updateProfile.mutate, {
    onSuccess(saved) {
      form.reset({
        displayName: saved.displayName,
        timeZone: saved.timeZone,
        version: saved.version,
      });
      setNotice("Saved.");
      router.refresh();
    },
    onError(error) {
      // The person's typing stays in the form whatever went wrong.
      const fieldErrors = isServerAnswer(error)
        ? (error.data?.fieldErrors as Record<string, string[]> | null)
        : null;
      if (fieldErrors) {
        for (const [field, messages] of Object.entries(fieldErrors)) {
          if (field === "displayName" || field === "timeZone") {
            form.setError(field, { type: "server", message: messages[0] });
          }
        }
      }
      setFormError(fieldErrors ? undefined : mutationProblem(error).message);
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    setNotice(undefined);
    setFormError(undefined);
    save.mutate(values);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field
        label="Your first name"
        autoComplete="given-name"
        error={errors.displayName?.message}
        {...form.register("displayName")}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="timeZone" className="text-sm font-semibold">
          Time zone
        </label>
        <select
          id="timeZone"
          className="min-h-12 w-full rounded-xl border border-line bg-surface px-3 text-base"
          aria-describedby="timeZone-hint"
          aria-invalid={errors.timeZone ? true : undefined}
          {...form.register("timeZone")}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="timeZone-hint" className="text-sm text-muted">
          Your days and streaks are counted in this zone.
          {browserZone && browserZone !== form.watch("timeZone") ? (
            <>
              {" "}
              <button
                type="button"
                className="font-semibold text-accent underline underline-offset-4"
                onClick={() => form.setValue("timeZone", browserZone, { shouldDirty: true })}
              >
                Use this device's zone ({browserZone.replaceAll("_", " ")})
              </button>
            </>
          ) : null}
        </p>
        {errors.timeZone ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {errors.timeZone.message}
          </p>
        ) : null}
      </div>
      <Button type="submit" busy={save.isPending}>
        Save profile
      </Button>
      <p role="status" className="text-center text-sm text-ok">
        {notice}
      </p>
    </form>
  );
}
