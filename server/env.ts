import "#server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as nextEnvModule from "@next/env";
import { z } from "zod";

/** @next/env is CommonJS marked as an ES module: Node hands it over as `default`, bundlers as is. */
const nextEnv = (nextEnvModule as { default?: typeof nextEnvModule }).default ?? nextEnvModule;

/**
 * Every setting Rekindle reads, validated once. This module is the only reader of
 * `process.env`; the README lists the same variables with the same defaults.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the embedded PGlite database. Set: a PostgreSQL server through `postgres`. */
  DATABASE_URL: z.url().optional(),
  /** Connections per app instance when DATABASE_URL is set. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Where PGlite keeps its files. */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** Run migrations when the server starts (PostgreSQL); otherwise `npm run db:migrate`. */
  MIGRATE_ON_START: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Signs and encrypts the session cookie. Required (32+ characters) in production. */
  AUTH_SECRET: z.string().optional(),
  /**
   * How many reverse proxies in front of Rekindle append to X-Forwarded-For. 0: clients
   * connect directly and the socket address is theirs; 1: one proxy (a load balancer), and
   * so on. Rate limits count per client address, so this must match the deployment.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Rate-limit counters in Redis, shared by every instance. Unset: PostgreSQL or memory. */
  REDIS_URL: z.url().optional(),
  /** The port and address `npm run dev` and `npm start` listen on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Where mail goes out, as smtp://user:pass@host:587 or smtps://…:465. Unset: outside
   * production each mail is written to MAIL_OUTBOX_DIR; in production none is sent.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /**
   * Runs Rekindle without sending any mail: sign-up and password-reset links then reach
   * nobody. Production refuses to start without SMTP_URL unless this says so on purpose.
   */
  MAIL_OFF: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** The sender of every mail Rekindle sends. */
  MAIL_FROM: z.string().min(3).default("Rekindle <no-reply@rekindle.local>"),
  /**
   * Rekindle's public address, such as https://rekindle.example, for links in mails.
   * Unset: the address the request came to. A client can name any address, so production
   * requires it once SMTP_URL is set.
   */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /**
   * Where people can write to whoever runs this Rekindle, shown on the public "Who we are"
   * page (/contact). Unset: that page says no address has been given yet.
   */
  CONTACT_EMAIL: z.email({ error: "must be an e-mail address" }).optional(),
  /** Outside production, without SMTP_URL: the folder each mail is written to. */
  MAIL_OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
  /**
   * How often each server process looks for reminders that are due, in milliseconds.
   * Every instance may look; the database makes sure each reminder goes out once.
   */
  REMINDER_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /**
   * Web Push's VAPID key pair (`npx web-push generate-vapid-keys`), base64url. Both or none:
   * in production, none turns push off; outside production a pair is made once in .data/.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "must be a P-256 public key in base64url (87 characters)")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be a P-256 private key in base64url (43 characters)")
    .optional(),
  /** Who push services may contact about Rekindle's pushes: mailto: or https:. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL")
    .optional(),
  /**
   * An OpenTelemetry collector's OTLP/HTTP address (such as http://localhost:4318): set, each
   * request, tRPC procedure and SQL statement is traced there; unset, no tracing code loads.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Set by Next.js itself; during `next build` nothing may open the database. */
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

/** NODE_ENV comes from the npm scripts and NEXT_PHASE from Next.js; no .env file sets them. */
const SET_BY_THE_PROGRAM: readonly string[] = ["NODE_ENV", "NEXT_PHASE"];

/** Every setting a person running Rekindle may give; `.env.example` and README list each. */
export const SETTING_NAMES = Object.keys(schema.shape).filter(
  (name) => !SET_BY_THE_PROGRAM.includes(name),
);

/** Rules across settings. */
const settings = schema
  .refine((e) => e.NODE_ENV !== "production" || !e.SMTP_URL || !!e.APP_URL, {
    path: ["APP_URL"],
    message: "must be set in production when SMTP_URL is set, so links in mails lead to Rekindle",
  })
  .refine((e) => !(e.MAIL_OFF && e.SMTP_URL), {
    path: ["MAIL_OFF"],
    message: "cannot be true while SMTP_URL is set: choose one",
  })
  .refine((e) => !e.VAPID_PUBLIC_KEY === !e.VAPID_PRIVATE_KEY, {
    path: ["VAPID_PRIVATE_KEY"],
    message: "and VAPID_PUBLIC_KEY go together: set both, or neither",
  });

/** Validates a set of settings (process.env, or a test's own) and says every problem at once. */
export function parseSettings(source: Record<string, string | undefined>): Env {
  const parsed = settings.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Rekindle's settings are not valid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Reads `.env.<mode>.local`, `.env.local` (not in tests), `.env.<mode>` and `.env` from `dir`
 * into process.env, with Next.js's own loader, so every script agrees with the app about
 * what a file says; a variable already set in the environment always wins. The mode is
 * `production` under NODE_ENV=production, `test` under NODE_ENV=test, else `development`.
 * Once per process: Next.js shares the same loader and finds the work done. Returns the
 * files read, nearest first.
 */
export function loadSettingsFiles(dir: string = process.cwd()): string[] {
  const quiet = { info() {}, error: console.error };
  const dev = process.env.NODE_ENV !== "production";
  return nextEnv.loadEnvConfig(dir, dev, quiet).loadedEnvFiles.map((file) => file.path);
}

let cached: Env | undefined;

/** The settings, from the environment and the .env files (see loadSettingsFiles). */
export function env(): Env {
  if (!cached) {
    loadSettingsFiles();
    cached = parseSettings(process.env);
  }
  return cached;
}

export const isBuildPhase = () => env().NEXT_PHASE === "phase-production-build";

let secret: string | undefined;

/**
 * The Auth.js secret. Production refuses a missing or short one; development creates one
 * once and keeps it under `.data/`, so the first command needs no setup.
 */
export function authSecret(): string {
  if (secret) return secret;
  const e = env();
  if (e.AUTH_SECRET && e.AUTH_SECRET.length >= 32) {
    secret = e.AUTH_SECRET;
    return secret;
  }
  if (e.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET must be set to at least 32 characters in production " +
        "(for example: openssl rand -base64 33).",
    );
  }
  const file = path.join(".data", "auth-secret");
  mkdirSync(".data", { recursive: true });
  try {
    // "wx": when two processes start together, the first one's secret wins for both.
    writeFileSync(file, randomBytes(33).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  secret = readFileSync(file, "utf8").trim();
  return secret;
}

/** Why production would serve forms whose mail never leaves: no SMTP_URL and no MAIL_OFF. */
export const NO_MAIL_IN_PRODUCTION =
  "SMTP_URL is not set, so sign-up and password-reset mails would never be sent. " +
  "Set SMTP_URL (smtp://user:pass@host:587), or set MAIL_OFF=true to run without mail on purpose.";

/** Fails loudly at server start instead of at the first sign-in or the first lost mail. */
export function assertProductionSettings(e: Env = env()): void {
  if (e.NODE_ENV === "production" && !e.SMTP_URL && !e.MAIL_OFF) {
    throw new Error(NO_MAIL_IN_PRODUCTION);
  }
  authSecret();
}
