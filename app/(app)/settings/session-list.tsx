"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { whenInWords } from "@/app/_components/dates";
import { FormError } from "@/app/_components/field";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import type { SessionView } from "@/lib/schemas/account";

/** Every device signed in to the account; each but this one can be signed out from here. */
export function SessionList({ sessions, timeZone }: { sessions: SessionView[]; timeZone: string }) {
  const others = sessions.filter((s) => !s.current).length;
  // Kept here, not in the button: the button goes once no other device is left.
  const [notice, setNotice] = useState<string>();
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-line rounded-xl border border-line">
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} timeZone={timeZone} />
        ))}
      </ul>
      {others > 0 ? (
        <EndOtherSessions onStart={() => setNotice(undefined)} onDone={setNotice} />
      ) : null}
      <p aria-live="polite" className="text-center text-sm text-ok">
        {notice}
      </p>
    </div>
  );
}

function SessionRow({ session, timeZone }: { session: SessionView; timeZone: string }) {
  const locale = useLocale();
  const router = useRouter();
  const end = useDoor((t) => t.account.endSession.mutate, {
    onSuccess: () => router.refresh(),
    onError(error) {
      // Already ended on another device: the list just catches up.
      if (mutationProblem(error).code === "NOT_FOUND") router.refresh();
    },
  });
  const problem = end.error ? mutationProblem(end.error, UNREACHABLE_NOTHING_CHANGED) : null;
  return (
    <li className="flex flex-col gap-3 p-4">
      <div className="flex items-center justify-between gap-3">
        <div className="flex min-w-0 flex-col items-start gap-0.5">
          <p className="font-semibold">{session.device}</p>
          {session.current ? (
            <span className="my-0.5 rounded-full bg-accent-soft px-2.5 py-0.5 text-sm">
              This device
            </span>
          ) : (
            <p className="text-sm text-muted">
              Last active {whenInWords(session.lastSeenAt, timeZone, locale)}
            </p>
          )}
          <p className="text-sm text-muted">
            Signed in {whenInWords(session.createdAt, timeZone, locale)}
          </p>
        </div>
        {session.current ? null : (
          <Button
            variant="secondary"
            busy={end.isPending}
            onClick={() => end.mutate({ id: session.id })}
            className="shrink-0"
          >
            End<span className="sr-only"> the session on {session.device}</span>
          </Button>
        )}
      </div>
      {problem && problem.code !== "NOT_FOUND" ? <FormError message={problem.message} /> : null}
    </li>
  );
}

function EndOtherSessions({
  onStart,
  onDone,
}: {
  onStart: () => void;
  onDone: (notice: string) => void;
}) {
  const router = useRouter();
  const end = useDoor((t) => t.account.endOtherSessions.mutate, {
    onSuccess({ ended }) {
      onDone(
        ended === 1 ? "Signed out of 1 other device." : `Signed out of ${ended} other devices.`,
      );
      router.refresh();
    },
  });
  return (
    <>
      <FormError
        message={
          end.error ? mutationProblem(end.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <Button
        variant="secondary"
        busy={end.isPending}
        onClick={() => {
          onStart();
          end.mutate();
        }}
      >
        Sign out of all other devices
      </Button>
    </>
  );
}
