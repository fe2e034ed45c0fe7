import { Logo, PathIllustration } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";
import { TrustLinks } from "@/app/_components/trust-links";

const promises = [
  {
    title: "One small step at a time",
    body: "Seven steps, from a first easy hello to letting them choose to come back. Each one tells you what to do today, and nothing more.",
  },
  {
    title: "Private by default",
    body: "What you write stays yours. Nothing is shared unless you pick it, and you can take it all with you or erase it.",
  },
  {
    title: "Someone in your corner",
    body: "Invite a friend to cheer you on. They see only the progress you choose to show them.",
  },
];

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-10 px-5 pt-6 pb-16">
      <header className="flex items-center justify-between">
        <span className="flex items-center gap-2 text-lg font-bold">
          <Logo /> Rekindle
        </span>
        <Link href="/sign-in" className={buttonClass("quiet", "min-h-10 px-2")}>
          Sign in
        </Link>
      </header>

      <section className="flex flex-col gap-5">
        <h1 className="text-4xl leading-tight font-bold tracking-tight">
          Find your way back to them, calmly.
        </h1>
        <p className="text-lg text-muted">
          Rekindle is a gentle, step-by-step plan for reconnecting with someone you broke up with.
          It helps you go slowly, own your part, and let them meet you halfway, while keeping track
          of how it is going.
        </p>
        <PathIllustration className="w-full" />
        <div className="flex flex-col gap-3">
          <Link href="/sign-up" className={buttonClass("primary")}>
            Start your plan
          </Link>
          <p className="text-center text-sm text-muted">Free, private, and yours to delete.</p>
        </div>
      </section>

      <section aria-labelledby="how" className="flex flex-col gap-4">
        <h2 id="how" className="text-xl font-bold">
          How Rekindle helps
        </h2>
        <ul className="flex flex-col gap-3">
          {promises.map((p) => (
            <li key={p.title} className="rounded-2xl border border-line bg-surface p-5">
              <h3 className="font-semibold">{p.title}</h3>
              <p className="mt-1 text-muted">{p.body}</p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-muted">
          If your relationship involved fear, violence or control, Rekindle will not push you to
          reconnect, and will point you to people who can help.
        </p>
      </section>
      <footer className="flex flex-wrap gap-x-5 gap-y-2 border-t border-line pt-6 text-sm">
        <TrustLinks />
      </footer>
    </main>
  );
}
