import { z } from "zod";
import {
  CONTACT_LEVEL_VALUES,
  isProgramVersion,
  OUTCOME_VALUES,
  PRONOUN_VALUES,
  READINESS_ANSWER_VALUES,
} from "@/lib/program";
import { displayName, timeZone, weekStartInput } from "./account";
import { BUDDY_SCOPES } from "./buddies";
import { thanksText } from "./buddy-mail";
import { calendarDay, freeText, INT4_MAX, maxChars } from "./common";
import { contactNote } from "./contacts";
import { draftBody } from "./drafts";
import { journalBody, mood } from "./journal";
import { exName, recordOutcomeInput } from "./journey";
import {
  BUDDY_LABEL_MAX,
  CONTACT_CHANNELS,
  CONTACT_FEELINGS,
  CONTACT_INITIATORS,
  ENCOURAGEMENT_MESSAGE_MAX,
  ENCOURAGEMENT_NAME_MAX,
} from "./plain";
import { addMemoryInput, addReflectionInput, reflectionBody } from "./steps";

/**
 * A person's own export (GET /api/export), read back for an import. Every piece of text
 * passes the same rule as when it was typed (the schemas below are the forms' own), so an
 * import can't store what the app would refuse. Ids in the file only tie rows together:
 * every row gets a new id. Fields this version doesn't know are left out.
 */

/** The only file shape this Rekindle reads; server/services/export.ts writes the same. */
export const IMPORT_FORMAT = "rekindle-export";
export const IMPORT_VERSION = 1;

/** Checked first, so another file or another version is named as such, not as 40 errors. */
export const importHeader = z.object({
  format: z.literal(IMPORT_FORMAT, {
    error:
      "This file isn't an export from this app. Please choose the file you downloaded from Settings.",
  }),
  version: z.literal(IMPORT_VERSION, {
    error: (issue) =>
      `This export comes from another version of this app (${
        typeof issue.input === "number" ? `version ${issue.input}` : "an unknown version"
      }); this one reads version ${IMPORT_VERSION}.`,
  }),
});

/** An instant as JSON writes a date. PostgreSQL's range is wider; a person's life isn't. */
const instant = z.iso
  .datetime({ offset: true, error: "This date and time isn't valid." })
  .transform((v) => new Date(v))
  .refine((d) => {
    const year = d.getUTCFullYear();
    return year >= 1900 && year <= 9999;
  }, "This date and time is out of range.");

const ref = z.uuid("This reference isn't valid.");
const stepNumber = z
  .number()
  .int()
  .min(1, "Steps are numbered 1 to 7.")
  .max(7, "Steps are numbered 1 to 7.");
const key = z.string().min(1).max(80);

const profile = z.object({
  displayName,
  timeZone,
  discreet: z.boolean(),
  // Files made before the choice existed follow the browser's language, as a new account does.
  weekStart: weekStartInput.shape.weekStart.default("auto"),
  // Files made before the choice existed show the score, as a new account does.
  hideInitiative: z.boolean().default(false),
});

const journey = z.object({
  id: ref,
  programVersion: z
    .number()
    .int()
    .refine(isProgramVersion, "This plan version isn't one this app knows."),
  status: z.enum(["active", "ended"]),
  breakupDate: calendarDay(),
  contactLevel: z.enum(CONTACT_LEVEL_VALUES),
  exName,
  exPronouns: z.enum(PRONOUN_VALUES),
  readinessResult: z.enum(["ready", "unsure", "not_yet"]),
  // Keys of the plan version the journey started on, which may not be today's.
  readinessAnswers: z
    .record(key, z.enum(READINESS_ANSWER_VALUES))
    .refine((v) => Object.keys(v).length <= 50, "Too many readiness answers."),
  readinessAt: instant,
  safetyConcern: z.boolean(),
  outcome: z.enum(OUTCOME_VALUES).nullable(),
  outcomeNote: recordOutcomeInput.shape.note.unwrap().nullable(),
  endedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const stepProgressRow = z.object({
  journeyId: ref,
  stepNumber,
  status: z.enum(["locked", "open", "done"]),
  openedAt: instant.nullable(),
  completedAt: instant.nullable(),
  lastActivityAt: instant.nullable(),
});

const taskCompletion = z.object({
  journeyId: ref,
  stepNumber,
  taskKey: key,
  completedAt: instant,
});

const reflection = z.object({
  journeyId: ref,
  stepNumber,
  promptKey: addReflectionInput.shape.promptKey,
  body: reflectionBody,
  createdAt: instant,
  updatedAt: instant,
});

const memory = z.object({
  journeyId: ref,
  body: addMemoryInput.shape.body,
  sharedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const journalEntry = z.object({
  journeyId: ref.nullable(),
  stepNumber: stepNumber.nullable(),
  mood,
  body: journalBody,
  sharedWithBuddies: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});

const contact = z.object({
  journeyId: ref,
  stepNumber: stepNumber.nullable(),
  occurredAt: instant,
  channel: z.enum(CONTACT_CHANNELS),
  initiator: z.enum(CONTACT_INITIATORS),
  feeling: z.enum(CONTACT_FEELINGS),
  note: contactNote,
  createdAt: instant,
  updatedAt: instant,
});

const draft = z.object({
  journeyId: ref,
  stepNumber,
  body: draftBody,
  checks: z
    .record(key, z.enum(["yes", "no"]))
    .refine((v) => Object.keys(v).length <= 50, "Too many answers."),
  status: z.enum(["writing", "sent", "discarded"]),
  coolDownUntil: instant,
  createdAt: instant,
  updatedAt: instant,
});

const day = calendarDay();

const checkIn = z.object({ day, mood: mood.nullable(), createdAt: instant });
const pauseDay = z.object({ day, createdAt: instant });

const buddyLink = z.object({
  id: ref,
  label: freeText()
    .trim()
    .min(1, "Please give the link a name.")
    .refine(
      ...maxChars(
        BUDDY_LABEL_MAX,
        `Please keep the name to ${BUDDY_LABEL_MAX} characters or fewer.`,
      ),
    ),
  scope: z.enum(BUDDY_SCOPES),
  showExName: z.boolean(),
  expiresAt: instant.nullable(),
  revokedAt: instant.nullable(),
  lastOpenedAt: instant.nullable(),
  openCount: z.number().int().min(0).max(INT4_MAX),
  createdAt: instant,
  updatedAt: instant,
});

const encouragement = z.object({
  linkId: ref,
  kind: z.enum(["encouragement", "nudge"]),
  name: freeText()
    .refine(...maxChars(ENCOURAGEMENT_NAME_MAX, "Please keep the name shorter."))
    .nullable(),
  // A nudge carries no words, so empty is allowed here, unlike on the buddy's form.
  message: freeText().refine(
    ...maxChars(ENCOURAGEMENT_MESSAGE_MAX, "Please keep the message shorter."),
  ),
  // The owner's thank-you; files from before thank-yous existed have none.
  thanks: thanksText.nullable().optional(),
  thankedAt: instant.nullable().optional(),
  readAt: instant.nullable(),
  createdAt: instant,
});

const minute = z.number().int().min(0).max(1439);

const reminderSetting = z
  .object({
    enabled: z.boolean(),
    checkInMinute: minute,
    quietStartMinute: minute.nullable(),
    quietEndMinute: minute.nullable(),
    email: z.boolean(),
    resumeOn: day.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine(
    (v) => (v.quietStartMinute === null) === (v.quietEndMinute === null),
    "Quiet hours need both a start and an end.",
  );

/** Sections the export carries that an import leaves behind (see server/services/import.ts). */
const ignored = z.array(z.unknown());

/** Each set of rows is unique on what the database keeps unique for one person. */
function uniqueBy<T>(rows: T[], keyOf: (row: T) => string, ctx: z.RefinementCtx, where: string) {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const k = keyOf(row);
    if (seen.has(k)) {
      ctx.addIssue({
        code: "custom",
        path: [where, i],
        message: "This row appears twice in the file.",
      });
    }
    seen.add(k);
  });
}

export const importFile = importHeader
  .extend({
    profile,
    journeys: z.array(journey),
    stepProgress: z.array(stepProgressRow),
    taskCompletions: z.array(taskCompletion),
    reflections: z.array(reflection),
    memories: z.array(memory),
    journalEntries: z.array(journalEntry),
    contacts: z.array(contact),
    drafts: z.array(draft),
    checkIns: z.array(checkIn),
    pauseDays: z.array(pauseDay),
    buddyLinks: z.array(buddyLink),
    encouragements: z.array(encouragement),
    reminderSettings: z
      .array(reminderSetting)
      .max(1, "An account has one set of reminder settings."),
    reminders: ignored,
    calendarFeeds: ignored,
    supportedLinks: ignored,
  })
  .superRefine((file, ctx) => {
    uniqueBy(file.journeys, (j) => j.id, ctx, "journeys");
    uniqueBy(file.buddyLinks, (l) => l.id, ctx, "buddyLinks");
    uniqueBy(file.stepProgress, (s) => `${s.journeyId}/${s.stepNumber}`, ctx, "stepProgress");
    uniqueBy(
      file.taskCompletions,
      (t) => `${t.journeyId}/${t.stepNumber}/${t.taskKey}`,
      ctx,
      "taskCompletions",
    );
    uniqueBy(file.checkIns, (c) => c.day, ctx, "checkIns");
    uniqueBy(file.pauseDays, (p) => p.day, ctx, "pauseDays");
    if (file.journeys.filter((j) => j.status === "active").length > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["journeys"],
        message: "Only one plan can be in progress at a time.",
      });
    }
    // Every reference must name a row in the same file: nothing can point outside it.
    const journeyIds = new Set(file.journeys.map((j) => j.id));
    const linkIds = new Set(file.buddyLinks.map((l) => l.id));
    const sections = {
      stepProgress: file.stepProgress,
      taskCompletions: file.taskCompletions,
      reflections: file.reflections,
      memories: file.memories,
      journalEntries: file.journalEntries,
      contacts: file.contacts,
      drafts: file.drafts,
    };
    for (const [name, rows] of Object.entries(sections)) {
      rows.forEach((row: { journeyId: string | null }, i) => {
        if (row.journeyId !== null && !journeyIds.has(row.journeyId)) {
          ctx.addIssue({
            code: "custom",
            path: [name, i, "journeyId"],
            message: "This row belongs to a plan that isn't in the file.",
          });
        }
      });
    }
    file.encouragements.forEach((e, i) => {
      if (!linkIds.has(e.linkId)) {
        ctx.addIssue({
          code: "custom",
          path: ["encouragements", i, "linkId"],
          message: "This message belongs to a buddy link that isn't in the file.",
        });
      }
    });
  });
export type ImportFile = z.output<typeof importFile>;
