"use client";

import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";

export function DeleteContact({ id }: { id: string }) {
  const router = useRouter();
  const remove = useDoor((t) => t.contacts.delete.mutate, {
    onSettled(_data, error) {
      // Already deleted (on another device, or by the first of two taps) is deleted.
      if (error && mutationProblem(error).code !== "NOT_FOUND") return;
      router.push("/contacts");
    },
  });
  return (
    <ConfirmDelete
      what="this contact"
      busy={remove.isPending}
      error={
        remove.error
          ? mutationProblem(remove.error, UNREACHABLE_NOTHING_CHANGED).message
          : undefined
      }
      onConfirm={() => remove.mutate({ id })}
    />
  );
}
