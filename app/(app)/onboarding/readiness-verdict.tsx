"use client";

import { Button, buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { DeliberateContinue } from "./deliberate-continue";

/**
 * The choices under the readiness result. When the answers say "not yet", looking after
 * oneself comes first, as on the safety screen: going on stays possible, but it is the quiet
 * choice and takes a second, deliberate tap.
 */
export function ReadinessVerdictActions({
  notYet,
  onContinue,
  onChangeAnswers,
}: {
  notYet: boolean;
  onContinue: () => void;
  onChangeAnswers: () => void;
}) {
  if (!notYet) {
    return (
      <>
        <Button onClick={onContinue}>Continue</Button>
        <Button variant="secondary" onClick={onChangeAnswers}>
          Change my answers
        </Button>
      </>
    );
  }
  return (
    <>
      <Link href="/journal/new" className={buttonClass("primary")}>
        Take time for me: write in my private journal
      </Link>
      <Button variant="secondary" onClick={onChangeAnswers}>
        Change my answers
      </Button>
      <DeliberateContinue
        ask="I've thought about it and still want to go on"
        care="You can start the plan now and come back to this check at any time. Go gently, and pause whenever it feels like too much."
        onContinue={onContinue}
      />
    </>
  );
}
