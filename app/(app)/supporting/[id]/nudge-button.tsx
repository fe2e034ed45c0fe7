"use client";

import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useDoor } from "@/app/_trpc/client";

/** A wordless "thinking of you", offered only while they've been quiet. */
export function NudgeButton({ id }: { id: string }) {
  const hydrated = useHydrated();
  // Not refreshed afterwards: the page would drop the button, and this note with it.
  const nudge = useDoor((t) => t.supporting.nudge.mutate);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-muted">No words needed: let them know you're thinking of them.</p>
      <FormError
        message={
          nudge.error
            ? mutationProblem(nudge.error, UNREACHABLE_NOTHING_CHANGED).message
            : undefined
        }
      />
      {nudge.isSuccess ? (
        <p role="status" className="rounded-xl border border-ok p-3 text-ok">
          Nudge sent. They'll see you're thinking of them.
        </p>
      ) : (
        <Button
          variant="secondary"
          busy={nudge.isPending}
          disabled={!hydrated}
          onClick={() => nudge.mutate({ id })}
        >
          Send a nudge
        </Button>
      )}
    </div>
  );
}
