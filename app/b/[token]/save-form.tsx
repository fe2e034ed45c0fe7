import { buttonClass } from "@/app/_components/button-class";
import type { SaveState } from "@/lib/schemas/supporting";

const linkClass = "font-semibold text-accent underline underline-offset-4";

/**
 * On the buddy page: lets a buddy with a Rekindle account keep this person on their own
 * home page. A plain form post, so it works with JavaScript off like the rest of the page.
 */
export function SaveToSupporting({
  token,
  state,
}: {
  token: string;
  state: SaveState | { kind: "signed-out" };
}) {
  if (state.kind === "signed-out") {
    return (
      <p className="text-sm text-muted">
        Have a Rekindle account?{" "}
        <a href="/sign-in" className={linkClass}>
          Sign in
        </a>
        , then open this link again to keep it on your home page.
      </p>
    );
  }
  // Your own link needs no saving.
  if (state.kind === "own") return null;
  if (state.kind === "saved") {
    return (
      <p className="rounded-2xl border border-line bg-surface p-4 text-sm">
        Saved to your home page.{" "}
        <a href={`/supporting/${state.id}`} className={linkClass}>
          Open it in Rekindle
        </a>
      </p>
    );
  }
  return (
    <form
      method="post"
      action={`/b/${encodeURIComponent(token)}/save`}
      className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4"
    >
      <p className="text-sm text-muted">
        Keep their progress on your Rekindle home page, so you won't need this link to find it.
      </p>
      <button type="submit" className={buttonClass("secondary")}>
        Save to People I support
      </button>
    </form>
  );
}
