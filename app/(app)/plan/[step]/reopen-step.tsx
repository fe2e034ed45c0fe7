"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { useTRPC } from "@/app/_trpc/client";

export function ReopenStep({ stepNumber }: { stepNumber: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reopen = useMutation(
    trpc.steps.reopen.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <Button variant="quiet" busy={reopen.isPending} onClick={() => reopen.mutate({ stepNumber })}>
      Reopen this step
    </Button>
  );
}
