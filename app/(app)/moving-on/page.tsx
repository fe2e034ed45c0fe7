import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { HelplinePhone } from "@/app/_components/helpline-phone";
import { Link } from "@/app/_components/link";
import { currentProgram, type Person, personalize } from "@/lib/program";
import { requireSession } from "@/server/auth/current";

export const metadata: Metadata = { title: "Moving on" };

const nobody: Person = { name: null, pronouns: "they" };

export default async function MovingOnPage() {
  const { user } = await requireSession();
  const { movingOn, helplines, dangerNow } = currentProgram.safety.concern;
  return (
    <>
      <h1 className="text-3xl font-bold">
        {user.discreet ? "Looking after yourself" : personalize(movingOn.title, nobody)}
      </h1>
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
          .map((h, i) => (
            <span key={h.name}>
              {i > 0 ? " · " : ""}
              {h.name} ({h.region}) <HelplinePhone phone={h.phone ?? ""} className="underline" />
            </span>
          ))}
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
