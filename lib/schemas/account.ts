import { z } from "zod";
import { WEEK_START_CHOICES } from "@/lib/stats/locale";
import { isGuessable, WEAK_PASSWORD_MESSAGE } from "@/lib/strength";
import { freeText, maxChars, version } from "./common";

/** Valid IANA time zones, as the runtime knows them. */
const zones = new Set(Intl.supportedValuesOf("timeZone"));
zones.add("UTC");

/**
 * The runtime's list holds only its own canonical names (ICU still says "Asia/Calcutta",
 * "Europe/Kiev"), while browsers report either those or the current IANA names
 * ("Asia/Kolkata", "Europe/Kyiv"), so any name Intl can use is accepted too. Offsets such
 * as "+05:30" are not zone names and are refused.
 */
function isTimeZone(v: string): boolean {
  if (zones.has(v)) return true;
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+){0,2}$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

export const displayName = freeText({ error: "Please enter your name." })
  .trim()
  .min(1, "Please enter your name.")
  .refine(...maxChars(60, "Please keep your name to 60 characters or fewer."))
  .refine((v) => !/[\p{Cc}]/u.test(v), "Your name cannot contain control characters.");

export const email = z
  .string({ error: "Please enter your e-mail address." })
  .trim()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Please enter a valid e-mail address, like name@example.com."))
  .transform((v) => v.toLowerCase());

/**
 * A new password: any characters, never trimmed or case-folded (what people type is what
 * they get), and not easy to guess. The guessability check loads its dictionaries on first
 * use, so schemas holding this rule parse with `parseAsync` / `safeParseAsync`; the length
 * checks stop first, so a short password never waits for them.
 */
export const password = z
  .string({ error: "Please enter a password." })
  .min(8, { error: "Please use at least 8 characters.", abort: true })
  .max(128, { error: "Please use at most 128 characters.", abort: true })
  .refine(async (v) => !(await isGuessable(v)), WEAK_PASSWORD_MESSAGE);

export const timeZone = z
  .string({ error: "Please choose your time zone." })
  .refine(isTimeZone, "Please choose a time zone from the list.");

export const signUpInput = z.strictObject({
  displayName,
  email,
  password,
  /** Filled from the browser; a zone it doesn't know falls back to UTC, editable later. */
  timeZone: z
    .string()
    .optional()
    .transform((v) => (v && zones.has(v) ? v : "UTC")),
});
export type SignUpInput = z.input<typeof signUpInput>;

/**
 * The sign-up form: only the address, and the browser's time zone. Whoever proves the
 * address by opening the mailed link chooses the name and password (finishSignUpInput), so
 * nobody can set the password of an account for an address they do not hold.
 */
export const startSignUpInput = z.strictObject({
  email,
  /** Filled from the browser; a zone it doesn't know falls back to UTC, editable later. */
  timeZone: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v && zones.has(v) ? v : "UTC")),
});
export type StartSignUpInput = z.input<typeof startSignUpInput>;

/** The page the sign-up link opens: the link's token, and the name and password chosen there. */
export const finishSignUpInput = z.strictObject({
  /** From the link; anything malformed is simply an unknown link. */
  token: z.string().min(1).max(200),
  displayName,
  password,
});
export type FinishSignUpInput = z.input<typeof finishSignUpInput>;

export const signInInput = z.strictObject({
  email,
  password: z
    .string({ error: "Please enter your password." })
    .min(1, "Please enter your password.")
    .max(128, "Please use at most 128 characters."),
});
export type SignInInput = z.input<typeof signInInput>;

export const updateProfileInput = z.strictObject({
  displayName,
  timeZone,
  /** The version the form was loaded from; a newer one in the database means a conflict. */
  version,
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const profileOutput = z.object({
  displayName: z.string(),
  email: z.string(),
  timeZone: z.string(),
  version: z.number(),
});
export type Profile = z.infer<typeof profileOutput>;

/** Discreet mode on or off; the answer is what was saved. */
export const discreetInput = z.strictObject({
  discreet: z.boolean({ error: "Please choose on or off." }),
});
export type DiscreetInput = z.input<typeof discreetInput>;
export const discreetOutput = z.object({ discreet: z.boolean() });

/** The week's first day; "auto" follows the language the browser asks for. */
export const weekStartInput = z.strictObject({
  weekStart: z.enum(WEEK_START_CHOICES, {
    error: "Please choose automatic, Monday, Sunday or Saturday.",
  }),
});
export type WeekStartInput = z.input<typeof weekStartInput>;
export const weekStartOutput = z.object({ weekStart: z.enum(WEEK_START_CHOICES) });

export const hideInitiativeInput = z.strictObject({
  hideInitiative: z.boolean({ error: "Please choose on or off." }),
});
export type HideInitiativeInput = z.input<typeof hideInitiativeInput>;
export const hideInitiativeOutput = z.object({ hideInitiative: z.boolean() });

// ─── Sessions, password, export and deletion ─────────────────────────────────────────

/** A password typed again to prove it is really the owner; checked, never rule-checked. */
const passwordAgain = (what: string) =>
  z
    .string({ error: `Please enter ${what}.` })
    .min(1, `Please enter ${what}.`)
    .max(128, "Please use at most 128 characters.");

export const sessionOutput = z.object({
  /** A public id for ending this session; not the cookie's id and not its hash. */
  id: z.string(),
  /** A short guess from the browser's user agent: "Chrome on Android". */
  device: z.string(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionOutput>;
export const sessionListOutput = z.array(sessionOutput);

export const sessionIdInput = z.strictObject({
  id: z.uuid("We couldn't find that session. It may have ended already."),
});
export type SessionIdInput = z.input<typeof sessionIdInput>;

export const changePasswordInput = z
  .strictObject({
    currentPassword: passwordAgain("your current password"),
    /** The same rule as sign-up, whatever it grows into. */
    newPassword: password,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "Please choose a password that is different from your current one.",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const deleteAccountInput = z.strictObject({ password: passwordAgain("your password") });
export type DeleteAccountInput = z.input<typeof deleteAccountInput>;

export const endedOutput = z.object({ ended: z.number().int() });

/** The account is gone; the client signs out and leaves. */
export const deletedOutput = z.object({ deleted: z.literal(true) });

// ─── Password reset ──────────────────────────────────────────────────────────────────

export const forgotPasswordInput = z.strictObject({ email });
export type ForgotPasswordInput = z.input<typeof forgotPasswordInput>;

export const resetPasswordInput = z.strictObject({
  /** From the link; anything malformed is simply an unknown link. */
  token: z.string().min(1).max(200),
  password,
});
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
