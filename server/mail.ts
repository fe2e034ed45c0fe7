import "#server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "./env";
import { log } from "./log";

/**
 * Mail Rekindle sends: through SMTP when SMTP_URL is set; with MAIL_OFF, nowhere (each
 * unsent mail is logged by its subject); otherwise, outside production, into a folder the
 * development page /dev/outbox lists. Production without either refuses to start. Subjects stay neutral: a mail preview on a shared
 * screen should not say what Rekindle is about.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /**
   * For someone in discreet mode: the sender shows as a bare address, without the
   * "Rekindle" display name MAIL_FROM usually carries.
   */
  discreet?: boolean;
  /**
   * The https address that stops this kind of mail at once. Sent as `List-Unsubscribe`
   * with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so a mail app's
   * "unsubscribe" posts to it without cookies; the text carries the same address.
   */
  unsubscribeUrl?: string;
}

/** The headers RFC 8058 asks for: where to stop, and that a bare POST there stops it. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** `Rekindle <no-reply@example.com>` becomes `no-reply@example.com`. */
export function bareAddress(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
}

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
  production: boolean;
  /** MAIL_OFF: nothing is sent, on purpose. */
  off?: boolean;
}

/** Read when each mail is sent, so a test can hand `sendMail` its own. */
export function mailSettings(): MailSettings {
  const e = env();
  return {
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    outboxDir: e.MAIL_OUTBOX_DIR,
    production: e.NODE_ENV === "production",
    off: e.MAIL_OFF,
  };
}

/** Where a mail went. */
export type MailOutcome = "sent" | "outbox" | "not-sent";

/** Sends one mail, or writes it to the outbox. Throws when the SMTP server refuses it. */
export async function sendMail(mail: Mail, settings = mailSettings()): Promise<MailOutcome> {
  if (settings.smtpUrl) {
    // A new connection per mail: Rekindle sends few, and nothing stays open between them.
    const transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    await transport.sendMail({
      from: mail.discreet ? bareAddress(settings.from) : settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: {
        "Auto-Submitted": "auto-generated",
        ...(mail.unsubscribeUrl ? unsubscribeHeaders(mail.unsubscribeUrl) : {}),
      },
    });
    return "sent";
  }
  if (settings.off) {
    log.info({ subject: mail.subject }, "a mail was not sent: MAIL_OFF is set");
    return "not-sent";
  }
  if (settings.production) {
    log.warn(
      { subject: mail.subject },
      "a mail was not sent: SMTP_URL is not set, so Rekindle cannot send mail",
    );
    return "not-sent";
  }
  await writeToOutbox(mail, settings);
  return "outbox";
}

/**
 * Sends a mail and never throws. A failure is logged by its kind and SMTP codes only: the
 * error's message can quote the recipient, and the text can hold a link that opens an
 * account.
 */
export async function sendMailQuietly(
  mail: Mail,
  settings?: MailSettings,
): Promise<MailOutcome | "failed"> {
  try {
    return await sendMail(mail, settings);
  } catch (e) {
    const error = e as { name?: unknown; code?: unknown; responseCode?: unknown };
    log.error(
      { error: { type: error.name, code: error.code, responseCode: error.responseCode } },
      "a mail could not be sent",
    );
    return "failed";
  }
}

// ─── The development outbox ───────────────────────────────────────────────────────────

export interface OutboxMail extends Mail {
  id: string;
  from: string;
  createdAt: string;
}

async function writeToOutbox(mail: Mail, settings: MailSettings): Promise<void> {
  const createdAt = new Date().toISOString();
  // Named by time first, so sorting the names sorts the mails.
  const id = `${createdAt.replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
  const stored: OutboxMail = { id, from: settings.from, createdAt, ...mail };
  await mkdir(settings.outboxDir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(settings.outboxDir, `${id}.json`), JSON.stringify(stored, null, 2), {
    mode: 0o600,
  });
}

/** The newest mails in the outbox, newest first. An outbox never written to is empty. */
export async function readOutbox(
  dir = mailSettings().outboxDir,
  newest = 50,
): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const picked = names
    .filter((name) => name.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, newest);
  return Promise.all(
    picked.map(
      async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxMail,
    ),
  );
}
