"use client";

import type { RefObject } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { HelplineList } from "@/app/_components/helplines";
import { Link } from "@/app/_components/link";
import { type Person, personalize } from "@/lib/program/personalize";
import type { SafetyContent } from "@/lib/program/types";
import { DeliberateContinue } from "./deliberate-continue";

const nobody: Person = { name: null, pronouns: "they" };

/**
 * Shown when the safety screen raised a concern. Rekindle does not encourage reconnecting;
 * the person still has the final say, so going on stays possible but is never the
 * prominent choice, and it takes a second, deliberate tap.
 */
export function SafetyConcern({
  concern,
  headingRef,
  onBack,
  onContinue,
}: {
  /** The program's words for this screen, from the server page. */
  concern: SafetyContent["concern"];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onContinue: () => void;
}) {
  return (
    <>
      <div className="flex flex-col gap-3">
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold outline-none">
          {personalize(concern.title, nobody)}
        </h1>
        {concern.why.map((p) => (
          <p key={p}>{personalize(p, nobody)}</p>
        ))}
      </div>
      <p className="rounded-xl border border-danger bg-accent-soft px-4 py-3 font-semibold">
        {personalize(concern.dangerNow, nobody)}
      </p>
      <section aria-labelledby="help" className="flex flex-col gap-3">
        <h2 id="help" className="text-xl font-bold">
          People who can help
        </h2>
        <p className="text-muted">{personalize(concern.helpIntro, nobody)}</p>
        <HelplineList helplines={concern.helplines} />
        <p className="text-sm text-muted">{personalize(concern.elsewhere, nobody)}</p>
      </section>
      <Link href="/moving-on" className={buttonClass("primary")}>
        {personalize(concern.movingOn.title, nobody)}
      </Link>
      <Button variant="secondary" onClick={onBack}>
        I misread a question: go back
      </Button>
      <p className="text-sm text-muted">{personalize(concern.finalSay, nobody)}</p>
      <DeliberateContinue
        ask="I've thought about it and still want to continue"
        care="Rekindle will keep a reminder of these helplines on your plan. Please keep yourself safe, and stop whenever something feels wrong."
        onContinue={onContinue}
      />
    </>
  );
}
