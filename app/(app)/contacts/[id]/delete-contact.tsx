"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDelete } from "@/app/_components/confirm-delete";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useTRPC } from "@/app/_trpc/client";

export function DeleteContact({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const remove = useMutation(
    trpc.contacts.delete.mutationOptions({
      onSettled(_data, error) {
        // Already deleted (on another device, or by the first of two taps) is deleted.
        if (error && mutationProblem(error).code !== "NOT_FOUND") return;
        queryClient.removeQueries({ queryKey: trpc.contacts.list.pathKey() });
        router.push("/contacts");
      },
    }),
  );
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
