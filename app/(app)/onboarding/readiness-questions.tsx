"use client";

import { ChoiceGroup } from "@/app/_components/choice-group";
import { type Person, personalize } from "@/lib/program/personalize";
import type { ReadinessAnswer, ReadinessContent } from "@/lib/program/types";

/**
 * The readiness check's questions, shared by onboarding and the retake page. The content
 * comes from the server page, so the program's text stays out of the browser's JavaScript.
 */
export function ReadinessQuestions({
  readiness,
  answers,
  onAnswer,
  showMissing,
  person = { name: null, pronouns: "they" },
}: {
  readiness: Pick<ReadinessContent, "questions" | "answerLabels">;
  answers: Record<string, ReadinessAnswer>;
  onAnswer: (key: string, answer: ReadinessAnswer) => void;
  showMissing: boolean;
  person?: Person;
}) {
  return (
    <>
      {readiness.questions.map((q) => (
        <ChoiceGroup
          key={q.key}
          name={`readiness-${q.key}`}
          legend={personalize(q.question, person)}
          hint={personalize(q.hint, person)}
          columns="grid-cols-3"
          choices={(["yes", "not_sure", "no"] as const).map((value) => ({
            value,
            label: readiness.answerLabels[value],
          }))}
          value={answers[q.key]}
          onChange={(value) => onAnswer(q.key, value)}
          error={showMissing && !answers[q.key] ? "Please pick an answer." : undefined}
        />
      ))}
    </>
  );
}
