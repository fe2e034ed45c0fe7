"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";

/** Takes the person off the home page, after asking once; their link keeps working. */
export function RemoveSupported({ id, ownerName }: { id: string; ownerName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const remove = useDoor((t) => t.supporting.remove.mutate, {
    onSuccess: () => {
      router.push("/home");
      router.refresh();
    },
  });
  // The first button is gone once asked: focus lands on the safe answer.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button variant="quiet" onClick={() => setConfirming(true)} className="self-start">
        Remove from my home
      </Button>
    );
  }
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
      <legend className="float-left w-full font-semibold">
        Remove {ownerName} from your home?
      </legend>
      <p className="text-sm">
        Nothing is sent to them. To add them back later, you'll need their link again.
      </p>
      <FormError
        message={
          remove.error
            ? mutationProblem(remove.error, UNREACHABLE_NOTHING_CHANGED).message
            : undefined
        }
      />
      <div className="flex gap-3">
        <Button
          variant="danger"
          busy={remove.isPending}
          onClick={() => remove.mutate({ id })}
          className="flex-1"
        >
          Yes, remove
        </Button>
        <button
          ref={keep}
          type="button"
          onClick={() => setConfirming(false)}
          className={buttonClass("secondary", "flex-1")}
        >
          Keep
        </button>
      </div>
    </fieldset>
  );
}
