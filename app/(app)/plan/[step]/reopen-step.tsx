"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { useDoor } from "@/app/_trpc/client";

export function ReopenStep({ stepNumber }: { stepNumber: number }) {
  const router = useRouter();
  const reopen = useDoor((t) => t.steps.reopen.mutate, { onSuccess: () => router.refresh() });
  return (
    <Button variant="quiet" busy={reopen.isPending} onClick={() => reopen.mutate({ stepNumber })}>
      Reopen this step
    </Button>
  );
}
