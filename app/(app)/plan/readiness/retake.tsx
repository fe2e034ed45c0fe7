"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { useTRPC } from "@/app/_trpc/client";
import { ReadinessQuestions } from "@/app/(app)/onboarding/readiness-questions";
import {
  currentProgram,
  type Person,
  personalize,
  type ReadinessAnswer,
  scoreReadiness,
} from "@/lib/program";

const nobody: Person = { name: null, pronouns: "they" };

/** The readiness check, retaken at any time; the newest result replaces the old one. */
export function Retake() {
  const trpc = useTRPC();
  const { readiness } = currentProgram;
  const [answers, setAnswers] = useState<Record<string, ReadinessAnswer>>({});
  const [missing, setMissing] = useState(false);
  const save = useMutation(trpc.journey.retakeReadiness.mutationOptions());

  if (save.data) {
    const verdict = scoreReadiness(answers);
    return (
      <section
        role="status"
        className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5"
      >
        <h1 className="text-2xl font-bold">{personalize(verdict.headline, nobody)}</h1>
        <p>{personalize(verdict.body, nobody)}</p>
        <p className="text-sm text-muted">{personalize(readiness.finalSay, nobody)}</p>
        <Link href="/plan" className={buttonClass("primary")}>
          Back to my plan
        </Link>
      </section>
    );
  }
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{personalize(readiness.title, nobody)}</h1>
        <p className="text-muted">{personalize(readiness.intro, nobody)}</p>
      </div>
      <ReadinessQuestions
        answers={answers}
        onAnswer={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))}
        showMissing={missing}
      />
      <FormError message={save.error?.message} />
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
