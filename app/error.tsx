"use client";

import { Logo } from "@/app/_components/art";
import { Button } from "@/app/_components/button";

/**
 * Shown when a page fails to render, most often because the database is away for a moment
 * (scripts/serve.ts then answers 503). No details reach the screen; they are in the log.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
      <Logo className="size-12" />
      <h1 className="text-3xl font-bold">We couldn't open this page just now</h1>
      <p className="text-muted">
        Nothing you saved is lost. Please try again in a moment; if it keeps happening, wait a
        minute and reload.
      </p>
      {error.digest ? <p className="text-sm text-muted">Reference: {error.digest}</p> : null}
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
