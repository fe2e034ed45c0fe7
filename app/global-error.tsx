"use client";

import "./globals.css";

/**
 * Shown only when the root layout itself fails, so it brings its own <html>. Plain and
 * calm like the other error page: nothing technical reaches the screen.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        <main className="mx-auto flex max-w-md flex-col items-start gap-5 px-5 pt-10 pb-16">
          <h1 className="text-3xl font-bold">We couldn't open this page just now</h1>
          <p className="text-muted">
            Nothing you saved is lost. Please try again in a moment, or wait a minute and reload the
            page.
          </p>
          {error.digest ? <p className="text-sm text-muted">Reference: {error.digest}</p> : null}
          <a href="/" className="font-semibold text-accent underline underline-offset-4">
            Go to Rekindle's start page
          </a>
        </main>
      </body>
    </html>
  );
}
