import { Logo } from "@/app/_components/art";

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
      <Logo className="size-12" />
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
    </main>
  );
}

/** One page for unknown, revoked and expired links alike: it reveals nothing. */
export function LinkGone() {
  return (
    <Notice title="This link no longer works">
      <p className="text-muted">If a friend shared it with you, ask them for a new one.</p>
    </Notice>
  );
}

/** Too many buddy pages opened from one connection in a short time. */
export function LinkBusy({ minutes }: { minutes: number }) {
  return (
    <Notice title="Let's take a short pause">
      <p className="text-muted">
        This page was opened many times from your connection.{" "}
        {minutes <= 1
          ? "Please wait a minute, then reload it."
          : minutes < 90
            ? `Please wait ${minutes} minutes, then reload it.`
            : `Please wait about ${Math.round(minutes / 60)} hours, then reload it.`}
      </p>
    </Notice>
  );
}
