import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { formatInstant } from "@/lib/stats/format";
import { devOutbox } from "@/server/http/doors/outbox";
import { requestLocale } from "@/server/http/locale";

export const metadata: Metadata = {
  title: "Outbox (development)",
  robots: { index: false, follow: false },
};

/** Links in a mail's text, made clickable; everything else stays plain text. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return parts.map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
        key={i}
        href={part}
        className="break-all font-semibold text-accent underline underline-offset-4"
      >
        {part}
      </a>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/**
 * Development only: the mails Rekindle would have sent, when SMTP_URL is unset. Production
 * answers 404, outbox or not.
 */
export default async function OutboxPage() {
  const outbox = await devOutbox();
  if (!outbox) notFound();
  const { dir, mails } = outbox;
  const locale = await requestLocale();
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-5 pt-6 pb-16">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Outbox</h1>
        <p className="text-muted">
          Without SMTP_URL, mails are written to {dir} instead of being sent. This page exists only
          in development. Newest first.
        </p>
      </div>
      {mails.length === 0 ? (
        <p className="rounded-xl bg-accent-soft px-4 py-3 text-sm">No mails yet.</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-xl border border-line bg-surface p-4">
              <p className="font-semibold">{mail.subject}</p>
              <p className="text-sm text-muted">
                To {mail.to} ·{" "}
                <time dateTime={mail.createdAt}>
                  {formatInstant(new Date(mail.createdAt), "UTC", locale, {
                    dateStyle: "medium",
                    timeStyle: "medium",
                  })}{" "}
                  UTC
                </time>
              </p>
              <pre className="mt-3 font-sans text-sm whitespace-pre-wrap">
                <Linked text={mail.text} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
