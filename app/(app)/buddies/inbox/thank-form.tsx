"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { TextareaField } from "@/app/_components/textarea-field";
import { useDoor } from "@/app/_trpc/client";
import { BUDDY_THANKS_MAX } from "@/lib/schemas/plain";

/**
 * Under a buddy's note: the owner's short thank-you, which the buddy sees on their page.
 * Once sent it shows as written, and can be changed.
 */
export function ThankForm({ id, sent }: { id: string; sent: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(sent ?? "");
  const thank = useDoor((t) => t.buddies.thank.mutate, {
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const problem = thank.error ? mutationProblem(thank.error) : null;

  if (!open) {
    return (
      <div className="flex flex-col items-start gap-2">
        {sent ? (
          <p className="rounded-xl bg-canvas p-3 text-sm [overflow-wrap:anywhere]">
            You wrote back: <span dir="auto">“{sent}”</span>
          </p>
        ) : null}
        <Button variant="quiet" onClick={() => setOpen(true)}>
          {sent ? "Change your thank-you" : "Say thank you"}
        </Button>
      </div>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    thank.mutate({ id, thanks: text });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <FormError message={problem && !problem.fieldErrors?.thanks ? problem.message : undefined} />
      <TextareaField
        label="Your thank-you"
        hint="They'll see it on the page your link opens."
        rows={2}
        limit={BUDDY_THANKS_MAX}
        text={text}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={problem?.fieldErrors?.thanks?.[0]}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={thank.isPending} className="grow whitespace-nowrap">
          Send thank-you
        </Button>
        <Button
          variant="secondary"
          onClick={() => setOpen(false)}
          className="grow whitespace-nowrap"
        >
          Not now
        </Button>
      </div>
    </form>
  );
}
