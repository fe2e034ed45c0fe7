import { Logo } from "@/app/_components/art";

/** One page for unknown, revoked and expired links alike: it reveals nothing. */
export default function BuddyLinkNotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
      <Logo className="size-12" />
      <h1 className="text-3xl font-bold">This link no longer works</h1>
      <p className="text-muted">If a friend shared it with you, ask them for a new one.</p>
    </main>
  );
}
