"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { ChoiceGroup } from "@/app/_components/choice-group";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { isServerAnswer } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useDoor } from "@/app/_trpc/client";
import { type Person, personalize } from "@/lib/program/personalize";
import { readinessVerdict, safetyConcern } from "@/lib/program/step0";
import type { ReadinessAnswer, ReadinessContent, SafetyContent } from "@/lib/program/types";
import { textLength } from "@/lib/schemas/text";
import { ReadinessQuestions } from "./readiness-questions";
import { ReadinessVerdictActions } from "./readiness-verdict";
import { SafetyConcern } from "./safety-concern";
import { SituationFields, type SituationValue } from "./situation-fields";

type Stage = "readiness" | "verdict" | "safety" | "concern" | "situation";

const STAGES: Stage[] = ["readiness", "safety", "situation"];
const stageIndex = (s: Stage) => (s === "verdict" ? 0 : s === "concern" ? 1 : STAGES.indexOf(s));

/** Before names and pronouns are known, the program speaks of the ex as "they". */
const nobody: Person = { name: null, pronouns: "they" };

/** Where a person is in onboarding and what they answered, kept on the device as they go. */
interface Place {
  stage: Stage;
  answers: Record<string, ReadinessAnswer>;
  safe: Record<string, boolean>;
  situation: SituationValue;
}

const START: Place = {
  stage: "readiness",
  answers: {},
  safe: {},
  situation: { breakupDate: "", exName: "" },
};

/**
 * Step 0, one question set per screen: readiness, then safety, then the situation. Nothing
 * reaches the server until the last screen; until then the place and the answers are kept
 * on this device only, so Back, a reload or a tab tap halfway loses nothing. The program's
 * words come from the server page, so its whole text stays out of the browser's JavaScript.
 */
export function Onboarding({
  owner,
  readiness,
  safety,
}: {
  owner: string;
  readiness: ReadinessContent;
  safety: SafetyContent;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [stage, setStage] = useState<Stage>("readiness");
  const [answers, setAnswers] = useState<Record<string, ReadinessAnswer>>({});
  const [safe, setSafe] = useState<Record<string, boolean>>({});
  const [missing, setMissing] = useState(false);
  const [situation, setSituation] = useState<SituationValue>({ breakupDate: "", exName: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const kept = useKeptText<Place>({
    owner,
    form: "onboarding",
    value: { stage, answers, safe, situation },
    initial: START,
    // Taps, kept the moment they happen: leaving loses nothing, so nothing to ask about.
    warn: false,
    restore: (place) => {
      setStage(place.stage);
      setAnswers(place.answers);
      setSafe(place.safe);
      setSituation(place.situation);
    },
  });
  const heading = useRef<HTMLHeadingElement>(null);

  // Each new screen starts at the top, with its heading announced.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, [stage]);

  const start = useDoor((t) => t.journey.start.mutate, {
    onSuccess() {
      kept.forget();
      router.push("/plan");
      router.refresh();
    },
    onError(error) {
      const fields = isServerAnswer(error)
        ? (error.data?.fieldErrors as Record<string, string[]> | null)
        : null;
      if (fields) {
        setFieldErrors(
          Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k.replace(/^situation\./, ""), v[0]]),
          ),
        );
      }
    },
  });

  const verdict = readinessVerdict(answers, readiness);
  const today = new Date().toLocaleDateString("en-CA");

  function next(current: Stage) {
    if (current === "readiness") {
      if (readiness.questions.some((q) => !answers[q.key])) return setMissing(true);
      setMissing(false);
      return setStage("verdict");
    }
    if (current === "safety") {
      if (safety.questions.some((q) => safe[q.key] === undefined)) return setMissing(true);
      setMissing(false);
      return setStage(safetyConcern(safe, safety) ? "concern" : "situation");
    }
  }

  function submit() {
    const errors: Record<string, string | undefined> = {};
    if (!situation.breakupDate) errors.breakupDate = "Please enter the date you broke up.";
    else if (situation.breakupDate > today)
      errors.breakupDate = "That date can't be in the future: please choose today or earlier.";
    if (!situation.contactLevel) errors.contactLevel = "Please pick how much you've talked.";
    if (!situation.exPronouns) errors.exPronouns = "Please pick the pronouns to use.";
    if (textLength(situation.exName) > 80)
      errors.exName = "Please keep the name to 80 characters or fewer.";
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean) || !situation.contactLevel || !situation.exPronouns)
      return;
    start.mutate({
      idempotencyKey,
      readiness: answers,
      safety: safe,
      situation: {
        breakupDate: situation.breakupDate,
        contactLevel: situation.contactLevel,
        exName: situation.exName,
        exPronouns: situation.exPronouns,
      },
    });
  }

  const progress = (
    <>
      <KeptNote kept={kept} message="We kept your answers so far on this device." />
      <ol aria-label="Progress" className="flex gap-2">
        {STAGES.map((s, i) => (
          <li
            key={s}
            aria-current={i === stageIndex(stage) ? "step" : undefined}
            className={`h-1.5 flex-1 rounded-full ${i <= stageIndex(stage) ? "bg-accent" : "bg-line"}`}
          >
            <span className="sr-only">
              Part {i + 1} of {STAGES.length}
              {i < stageIndex(stage) ? ", done" : i === stageIndex(stage) ? ", current" : ""}
            </span>
          </li>
        ))}
      </ol>
    </>
  );

  if (stage === "readiness") {
    return (
      <>
        {progress}
        <div className="flex flex-col gap-2">
          <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold outline-none">
            {personalize(readiness.title, nobody)}
          </h1>
          <p className="text-muted">{personalize(readiness.intro, nobody)}</p>
        </div>
        <ReadinessQuestions
          readiness={readiness}
          answers={answers}
          onAnswer={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))}
          showMissing={missing}
        />
        <Button onClick={() => next("readiness")} disabled={!hydrated}>
          See my result
        </Button>
      </>
    );
  }

  if (stage === "verdict") {
    return (
      <>
        {progress}
        <section className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-5">
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold outline-none">
            {personalize(verdict.headline, nobody)}
          </h1>
          <p>{personalize(verdict.body, nobody)}</p>
          <p className="text-sm text-muted">{personalize(readiness.finalSay, nobody)}</p>
        </section>
        <ReadinessVerdictActions
          notYet={verdict.result === "not_yet"}
          onContinue={() => setStage("safety")}
          onChangeAnswers={() => setStage("readiness")}
        />
      </>
    );
  }

  if (stage === "safety" || stage === "concern") {
    if (stage === "concern") {
      return (
        <>
          {progress}
          <SafetyConcern
            concern={safety.concern}
            headingRef={heading}
            onBack={() => setStage("safety")}
            onContinue={() => setStage("situation")}
          />
        </>
      );
    }
    return (
      <>
        {progress}
        <div className="flex flex-col gap-2">
          <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold outline-none">
            {personalize(safety.title, nobody)}
          </h1>
          <p className="text-muted">{personalize(safety.intro, nobody)}</p>
        </div>
        {safety.questions.map((q) => (
          <ChoiceGroup
            key={q.key}
            name={`safety-${q.key}`}
            legend={personalize(q.question, nobody)}
            columns="grid-cols-2"
            choices={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            value={safe[q.key] === undefined ? undefined : safe[q.key] ? "yes" : "no"}
            onChange={(value) => setSafe((s) => ({ ...s, [q.key]: value === "yes" }))}
            error={missing && safe[q.key] === undefined ? "Please answer yes or no." : undefined}
          />
        ))}
        <Button onClick={() => next("safety")}>Continue</Button>
      </>
    );
  }

  return (
    <>
      {progress}
      <div className="flex flex-col gap-2">
        <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold outline-none">
          Where things stand
        </h1>
        <p className="text-muted">
          This shapes the advice you get. Only you can see it, and you can change it later.
        </p>
      </div>
      <FormError
        message={
          start.error && !(isServerAnswer(start.error) && start.error.data?.fieldErrors)
            ? start.error.message
            : undefined
        }
      />
      <SituationFields
        value={situation}
        onChange={(patch) => setSituation((s) => ({ ...s, ...patch }))}
        errors={fieldErrors}
      />
      <Button onClick={submit} busy={start.isPending} disabled={!hydrated}>
        Start my plan
      </Button>
    </>
  );
}
