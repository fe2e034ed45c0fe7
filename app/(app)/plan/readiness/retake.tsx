"use client";

import { useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { Link } from "@/app/_components/link";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { useDoor } from "@/app/_trpc/client";
import { ReadinessQuestions } from "@/app/(app)/onboarding/readiness-questions";
import { type Person, personalize } from "@/lib/program/personalize";
import { readinessVerdict } from "@/lib/program/step0";
import type { ReadinessAnswer, ReadinessContent } from "@/lib/program/types";

/**
 * The readiness check, retaken at any time; the newest result replaces the old one. It
 * speaks of the ex as the plan does, by the saved name and pronouns, in the words of the
 * plan's own version, which the server page hands down (the program's text stays there).
 */
export function Retake({ person, readiness }: { person: Person; readiness: ReadinessContent }) {
  const [answers, setAnswers] = useState<Record<string, ReadinessAnswer>>({});
  const [missing, setMissing] = useState(false);
  const save = useDoor((t) => t.journey.retakeReadiness.mutate);

  if (save.data) {
    const verdict = readinessVerdict(answers, readiness);
    return (
      <section
        role="status"
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5"
      >
        <h1 className="text-2xl font-bold">{personalize(verdict.headline, person)}</h1>
        <p>{personalize(verdict.body, person)}</p>
        <p className="text-sm text-muted">{personalize(readiness.finalSay, person)}</p>
        <Link href="/plan" className={buttonClass("primary")}>
          Back to my plan
        </Link>
      </section>
    );
  }
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{personalize(readiness.title, person)}</h1>
        <p className="text-muted">{personalize(readiness.intro, person)}</p>
      </div>
      <ReadinessQuestions
        readiness={readiness}
        answers={answers}
        person={person}
        onAnswer={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))}
        showMissing={missing}
      />
      <FormError
        message={
          save.error ? mutationProblem(save.error, UNREACHABLE_NOTHING_CHANGED).message : undefined
        }
      />
      <Button
        busy={save.isPending}
        onClick={() => {
          if (readiness.questions.some((q) => !answers[q.key])) return setMissing(true);
          save.mutate({ readiness: answers });
        }}
      >
        See my result
      </Button>
    </>
  );
}
