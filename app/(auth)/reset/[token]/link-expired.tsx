import { buttonClass } from "@/app/_components/button";
import { Link } from "@/app/_components/link";

/** The one answer for a reset link that is unknown, used or past its 30 minutes. */
export function LinkExpired() {
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">This link has expired</h1>
        <p className="text-muted">
          Reset links work once, for 30 minutes. You can ask for a new one.
        </p>
      </div>
      <Link href="/forgot" className={buttonClass("primary")}>
        Ask for a new link
      </Link>
    </>
  );
}
