"use client";

import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { useDoor } from "@/app/_trpc/client";
import { signOutAction } from "@/app/(auth)/actions";

/** Ends every session, this one included: for a lost phone or a shared computer. */
export function SignOutEverywhere() {
  const [confirming, setConfirming] = useState(false);
  const end = useDoor((t) => t.account.signOutEverywhere.mutate, {
    onSuccess: () => signOutAction(),
  });

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Sign out of all devices
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
      <p>
        This signs you out everywhere, including here. Use it if you lost a phone or used a shared
        computer.
      </p>
      <FormError message={end.error?.message} />
      <div className="flex gap-3">
        <Button
          variant="danger"
          busy={end.isPending}
          onClick={() => end.mutate()}
          className="flex-1"
        >
          Yes, sign out everywhere
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} className="flex-1">
          Cancel
        </Button>
      </div>
    </div>
  );
}
