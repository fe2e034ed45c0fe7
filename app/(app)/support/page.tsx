import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/button";
import { HelplineList } from "@/app/_components/helplines";
import { Link } from "@/app/_components/link";
import { currentProgram, type Person, personalize } from "@/lib/program";
import { talkLines } from "@/lib/program/support";
import { requireSession } from "@/server/auth/current";

export const metadata: Metadata = { title: "Support" };

const nobody: Person = { name: null, pronouns: "they" };

/**
 * The helplines, reached from every signed-in page: lines to talk a hard moment through
 * first, then the safety screen's own list for anyone who feels unsafe. Calm words, and
 * nothing here names the plan or the ex, so it reads the same in discreet mode.
 */
export default async function SupportPage() {
  const { user } = await requireSession();
  const { concern } = currentProgram.safety;
  // A line in both lists (the worldwide directory) shows once, in the first.
  const safetyOnly = concern.helplines.filter((h) => !talkLines.some((t) => t.name === h.name));
  return (
    <>
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{user.discreet ? "Support" : "Someone to talk to"}</h1>
        <p>
          When things feel heavy, you don't have to carry them alone. These lines are free and
          confidential, and the people who answer are there to listen.
        </p>
        <p className="text-sm text-muted">{personalize(concern.dangerNow, nobody)}</p>
      </div>
      <section aria-labelledby="talk" className="flex flex-col gap-3">
        <h2 id="talk" className="text-xl font-bold">
          To talk something through
        </h2>
        <HelplineList helplines={talkLines} />
      </section>
      <section aria-labelledby="unsafe" className="flex flex-col gap-3">
        <h2 id="unsafe" className="text-xl font-bold">
          If you feel unsafe with someone
        </h2>
        <HelplineList helplines={safetyOnly} />
        <p className="text-sm text-muted">{personalize(concern.elsewhere, nobody)}</p>
      </section>
      <Link href="/home" className={buttonClass("secondary")}>
        Back to home
      </Link>
    </>
  );
}
