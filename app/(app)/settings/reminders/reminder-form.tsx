"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { CheckboxField } from "@/app/_components/checkbox-field";
import { Field, FormError } from "@/app/_components/field";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { ReminderSettingsView, SaveReminderSettingsInput } from "@/lib/schemas/reminders";
import { wallClock } from "@/lib/stats/format";

const FIELDS = ["checkInTime", "quietStart", "quietEnd", "enabled", "email", "push"] as const;

const resolver = lazyResolver(() =>
  import("@/lib/schemas/reminders").then((s) => s.saveReminderSettingsInput),
);

const formValues = (s: ReminderSettingsView): SaveReminderSettingsInput => ({
  enabled: s.enabled,
  checkInTime: s.checkInTime,
  quietHours: s.quietHours,
  quietStart: s.quietStart,
  quietEnd: s.quietEnd,
  email: s.email,
  push: s.push,
  version: s.version,
});

export function ReminderForm({ settings }: { settings: ReminderSettingsView }) {
  const locale = useLocale();
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  const [formError, setFormError] = useState<string>();
  useResolverSoon(resolver);
  const form = useForm<SaveReminderSettingsInput>({
    resolver,
    defaultValues: formValues(settings),
  });
  const { errors } = form.formState;
  const quietHours = form.watch("quietHours");

  const save = useDoor((t) => t.reminders.save.mutate, {
    onSuccess(saved) {
      form.reset(formValues(saved));
      setNotice(
        saved.enabled
          ? `Saved. We'll remind you at ${wallClock(saved.checkInTime, locale)}.`
          : "Saved. Reminders are off.",
      );
      router.refresh();
    },
    onError(error) {
      // The person's choices stay in the form whatever went wrong.
      const problem = mutationProblem(error);
      let placed = false;
      for (const [field, messages] of Object.entries(problem.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(field)) {
          form.setError(field as (typeof FIELDS)[number], {
            type: "server",
            message: messages[0],
          });
          placed = true;
        }
      }
      setFormError(placed ? undefined : problem.message);
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
      <CheckboxField
        label="Remind me each day"
        description="A calm note on your home page when it's time. It goes away once you check in."
        error={errors.enabled?.message}
        {...form.register("enabled")}
      />
      <Field
        label="Check-in time"
        type="time"
        hint={`In your time zone, ${settings.timeZone.replaceAll("_", " ")}. You can change the zone in Settings.`}
        error={errors.checkInTime?.message}
        {...form.register("checkInTime")}
      />
      <CheckboxField
        label="Quiet hours"
        description="No reminders at all between these times."
        {...form.register("quietHours")}
      />
      {quietHours ? (
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="From"
            type="time"
            error={errors.quietStart?.message}
            {...form.register("quietStart")}
          />
          <Field
            label="Until"
            type="time"
            error={errors.quietEnd?.message}
            {...form.register("quietEnd")}
          />
        </div>
      ) : null}
      <CheckboxField
        label="Also send me an e-mail"
        description={
          settings.emailAvailable
            ? "A short, plain note with a neutral subject. It never mentions anyone by name or anything you wrote."
            : "E-mail isn't set up here yet, so your reminders will show in the app only. That works just as well."
        }
        disabled={!settings.emailAvailable}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <CheckboxField
        label="Also send a notification"
        description={
          settings.pushAvailable
            ? "To each device you turn notifications on for, below. It says only that it's time to check in."
            : "Notifications aren't set up here yet, so your reminders will show in the app."
        }
        disabled={!settings.pushAvailable}
        error={errors.push?.message}
        {...form.register("push")}
      />
      <Button type="submit" busy={save.isPending}>
        Save reminders
      </Button>
      <p role="status" className="text-center text-sm text-ok">
        {notice}
      </p>
    </form>
  );
}
