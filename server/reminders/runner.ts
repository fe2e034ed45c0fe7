import "#server-only";
import type { Db } from "@/db/client";
import { runDigests } from "@/server/digests/jobs";
import { env } from "@/server/env";
import { isConnectionError, loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { type Mail, sendMail } from "@/server/mail";
import { defaultPusher, runNotePushes } from "@/server/push/jobs";
import type { Pusher } from "@/server/push/send";
import { runReminders } from "./jobs";

export interface RunnerOptions {
  intervalMs: number;
  /** Opened on each run, so a database that was down at start is used once it is back. */
  database: () => Promise<Db>;
  send?: (mail: Mail) => Promise<unknown>;
  /** Pushes to devices; null turns push off. Default: VAPID keys from server/push/keys.ts. */
  push?: Pusher | null;
  appUrl?: string;
  clock?: () => Date;
}

export interface ReminderRunner {
  /** Runs once now (tests; the timer calls it too). Never throws. */
  runOnce(): Promise<void>;
  /** No new run starts; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/** Where links in reminder mails lead: APP_URL, or this server on its own port. */
export function reminderAppUrl(): string {
  const e = env();
  return e.APP_URL ?? `http://localhost:${e.PORT}`;
}

/**
 * A timer that delivers due reminders every `intervalMs`. Runs never overlap (the next is
 * set when one ends), a failed run is logged by its kind and the timer goes on, and the
 * timer never keeps a process alive on its own.
 */
export function startReminderRunner(options: RunnerOptions): ReminderRunner {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    try {
      const db = await options.database();
      const now = options.clock?.() ?? new Date();
      const push = options.push === undefined ? defaultPusher() : options.push;
      const result = await runReminders(db, {
        now,
        send: options.send ?? sendMail,
        appUrl: options.appUrl ?? reminderAppUrl(),
        push,
      });
      // Buddies' notes wait for no check-in time: pushed on every run.
      const notesPushed = await runNotePushes(db, push, now);
      // So do the notes for buddies who asked for updates by e-mail (server/digests).
      const digests = await runDigests(db, {
        now,
        send: options.send ?? sendMail,
        appUrl: options.appUrl ?? reminderAppUrl(),
      });
      if (digests.queued + digests.sent + digests.failed > 0) log.info(digests, "buddy notes run");
      if (result.queued + result.delivered + result.failed + notesPushed > 0) {
        log.info({ ...result, notesPushed }, "reminders run");
      }
    } catch (error) {
      if (isConnectionError(error)) log.warn("reminders skipped: the database is unreachable");
      else log.error({ error: loggableError(error) }, "a reminders run failed");
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule();
      });
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// ─── The server process's one runner ──────────────────────────────────────────────────

const processRunner = globalThis as unknown as { rekindleReminders?: ReminderRunner };

/**
 * Starts this process's runner once, however many times startup code runs (dev reloads
 * import it again). The database module is loaded here, not at import, so `next build`
 * never opens it.
 */
export function startProcessReminders(): void {
  if (processRunner.rekindleReminders) return;
  processRunner.rekindleReminders = startReminderRunner({
    intervalMs: env().REMINDER_INTERVAL_MS,
    database: async () => (await import("@/server/db")).getDb(),
  });
}

/** Lets a run in progress finish; the server calls this before it exits. */
export async function stopProcessReminders(): Promise<void> {
  const runner = processRunner.rekindleReminders;
  processRunner.rekindleReminders = undefined;
  await runner?.stop();
}
