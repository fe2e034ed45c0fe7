"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";

/** "I've read it" for Home's buddy note, with the inbox link (`children`) beside it. */
export function ReadNoteButton({ id, children }: { id: string; children: React.ReactNode }) {
  const router = useRouter();
  const read = useDoor((t) => t.buddies.markAllRead.mutate, { onSuccess: () => router.refresh() });
  return (
    <>
      <FormError
        message={
          read.error ? mutationProblem(read.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          busy={read.isPending}
          onClick={() => read.mutate({ ids: [id] })}
        >
          I've read it
        </Button>
        {children}
      </div>
    </>
  );
}
