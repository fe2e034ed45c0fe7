"use client";

import { useState, useTransition } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { useHydrated } from "@/app/_components/use-hydrated";
import { finishSignUpAction } from "../../actions";

export function FinishSignUp({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const [expired, setExpired] = useState(false);

  if (expired) {
    return (
      <p role="alert" className="text-danger">
        This link has expired or was already used. Sign in, or sign up again for a new link.
      </p>
    );
  }
  return (
    <>
      <FormError message={problem} />
      <Button
        disabled={!hydrated}
        busy={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await finishSignUpAction(token);
            if (result.expired) setExpired(true);
            setProblem(result.formError);
          })
        }
      >
        Create my account
      </Button>
    </>
  );
}
