/**
 * Step 0's rules, given only the content they read. The onboarding and retake screens run
 * them in the browser with the content their server page hands down, so a page that scores
 * the check never carries the whole program's text (v1.ts) in its JavaScript.
 */
import type { ReadinessAnswer, ReadinessContent, ReadinessVerdict, SafetyContent } from "./types";

/**
 * Step 0's self-check. Missing answers count as "not sure".
 * - not_yet: two or more "no", or a "no" to a core question (right reasons, either answer);
 * - ready: no "no" at all and at most one "not sure";
 * - unsure: anything in between.
 * The result is advice: the user may retake the check, and keeps the final say.
 */
export function readinessVerdict(
  answers: Readonly<Record<string, ReadinessAnswer | undefined>>,
  readiness: Pick<ReadinessContent, "questions" | "results">,
): ReadinessVerdict {
  let no = 0;
  let notSure = 0;
  let coreNo = false;
  for (const question of readiness.questions) {
    const answer = answers[question.key] ?? "not_sure";
    if (answer === "no") {
      no += 1;
      if (question.core) coreNo = true;
    } else if (answer === "not_sure") {
      notSure += 1;
    }
  }
  const result = coreNo || no >= 2 ? "not_yet" : no === 0 && notSure <= 1 ? "ready" : "unsure";
  return { result, ...readiness.results[result] };
}

/**
 * Step 0's safety screen: answers are true for "yes". Any "yes" is a concern, and then
 * Rekindle shows the safety content's concern instead of encouraging contact. An unanswered
 * question raises no concern by itself; the form should require every answer.
 */
export function safetyConcern(
  answers: Readonly<Record<string, boolean | undefined>>,
  safety: Pick<SafetyContent, "questions">,
): boolean {
  return safety.questions.some((q) => answers[q.key] === true);
}
