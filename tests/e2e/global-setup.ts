import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import { SMTPServer } from "smtp-server";

/** The e2e server sends its mail here (SMTP_URL in playwright.config.ts). */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 25;
/** Every mail received, one JSON object a line, read by fixtures.ts `mailLink`. */
export const E2E_MAILBOX = ".data/e2e/mail.jsonl";

/** Quoted-printable, as nodemailer writes long lines: soft breaks and =XX escapes. */
function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Each run notes its own secrets (fixtures.ts `remember`), never a previous run's, and
 * receives mail through a real SMTP conversation, as a person's mail provider would.
 */
export default async function setUp() {
  mkdirSync(".data/e2e", { recursive: true });
  rmSync(".data/e2e/secrets.txt", { force: true });
  rmSync(E2E_MAILBOX, { force: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
        const to = session.envelope.rcptTo.map((r) => r.address);
        appendFileSync(
          E2E_MAILBOX,
          `${JSON.stringify({ to, text: decodeQuotedPrintable(body) })}\n`,
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(E2E_SMTP_PORT, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
