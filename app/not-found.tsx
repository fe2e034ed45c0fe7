import { Logo } from "@/app/_components/art";
import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
      <Logo className="size-12" />
      <h1 className="text-3xl font-bold">We can't find that page</h1>
      <p className="text-muted">
        The link may be old or mistyped. Nothing is wrong with your account.
      </p>
      <Link href="/" className={buttonClass("primary")}>
        Go to Rekindle's start page
      </Link>
    </main>
  );
}
