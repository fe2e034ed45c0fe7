import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/app/_components/button";
import { currentProgram, type Person, personalize } from "@/lib/program";
import { requireSession } from "@/server/auth/current";

export const metadata: Metadata = { title: "Moving on" };

const nobody: Person = { name: null, pronouns: "they" };

export default async function MovingOnPage() {
  await requireSession();
  const { movingOn, helplines, dangerNow } = currentProgram.safety.concern;
  return (
    <>
      <h1 className="text-3xl font-bold">{personalize(movingOn.title, nobody)}</h1>
      {movingOn.body.map((p) => (
        <p key={p}>{personalize(p, nobody)}</p>
      ))}
      <ul className="flex flex-col gap-3">
        {movingOn.suggestions.map((s) => (
          <li key={s} className="rounded-xl border border-line bg-surface p-4">
            {personalize(s, nobody)}
          </li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        {personalize(dangerNow, nobody)} Helplines:{" "}
        {helplines
          .filter((h) => h.phone)
          .map((h) => `${h.name} (${h.region}) ${h.phone}`)
          .join(" · ")}
      </p>
      <Link href="/journal" className={buttonClass("secondary")}>
        Write in your private journal
      </Link>
      <Link href="/home" className={buttonClass("quiet")}>
        Back to home
      </Link>
    </>
  );
}
