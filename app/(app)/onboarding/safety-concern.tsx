"use client";

import Link from "next/link";
import type { RefObject } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { HelplinePhone } from "@/app/_components/helpline-phone";
import { currentProgram, type Person, personalize } from "@/lib/program";
import { DeliberateContinue } from "./deliberate-continue";

const nobody: Person = { name: null, pronouns: "they" };

/**
 * Shown when the safety screen raised a concern. Rekindle does not encourage reconnecting;
 * the person still has the final say, so going on stays possible but is never the
 * prominent choice, and it takes a second, deliberate tap.
 */
export function SafetyConcern({
  headingRef,
  onBack,
  onContinue,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
  onContinue: () => void;
}) {
  const { concern } = currentProgram.safety;
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
        <ul className="flex flex-col gap-2">
          {concern.helplines.map((h) => (
            <li key={h.name} className="rounded-xl border border-line bg-surface p-4">
              <p className="text-sm text-muted">
                {h.region}
                {h.for ? ` · ${h.for}` : ""}
              </p>
              <p className="font-semibold">{h.name}</p>
              {h.phone ? <HelplinePhone phone={h.phone} className="text-accent underline" /> : null}
              {h.text ? <p className="text-sm">{h.text}</p> : null}
              {h.url ? (
                <a href={h.url} className="block text-sm text-accent underline" rel="noreferrer">
                  {h.url.replace(/^https:\/\//, "").replace(/\/$/, "")}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
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
