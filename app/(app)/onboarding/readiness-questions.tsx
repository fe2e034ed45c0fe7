"use client";

import { ChoiceGroup } from "@/app/_components/choice-group";
import { currentProgram, type Person, personalize, type ReadinessAnswer } from "@/lib/program";

/** The readiness check's questions, shared by onboarding and the retake page. */
export function ReadinessQuestions({
  answers,
  onAnswer,
  showMissing,
  person = { name: null, pronouns: "they" },
}: {
  answers: Record<string, ReadinessAnswer>;
  onAnswer: (key: string, answer: ReadinessAnswer) => void;
  showMissing: boolean;
  person?: Person;
}) {
  const { readiness } = currentProgram;
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
