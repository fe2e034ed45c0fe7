import { z } from "zod";
import { freeText, maxChars, version } from "./common";
import { journeyOutput, stepView } from "./journey";

export const stepNumber = z
  .number({ error: "Please choose a step." })
  .int()
  .min(1, "Steps are numbered 1 to 7.")
  .max(7, "Steps are numbered 1 to 7.");

export const reflectionBody = freeText({ error: "Please write your reflection." })
  .refine(...maxChars(20_000, "Please keep a reflection under 20,000 characters."))
  .refine((v) => v.trim().length > 0, "Please write a few words first.");

export const stepInput = z.strictObject({ stepNumber });

export const setTaskInput = z.strictObject({
  stepNumber,
  taskKey: z.string().min(1).max(80),
  done: z.boolean(),
});

export const addReflectionInput = z.strictObject({
  idempotencyKey: z.uuid(),
  stepNumber,
  promptKey: z.string().min(1).max(80),
  body: reflectionBody,
});

export const updateReflectionInput = z.strictObject({
  id: z.uuid(),
  version,
  body: reflectionBody,
});

export const byIdInput = z.strictObject({ id: z.uuid() });

export const addMemoryInput = z.strictObject({
  idempotencyKey: z.uuid(),
  body: freeText({ error: "Please describe the memory." })
    .refine(...maxChars(2000, "Please keep a memory under 2,000 characters."))
    .refine((v) => v.trim().length > 0, "Please write a few words first."),
});

export const setMemorySharedInput = z.strictObject({ id: z.uuid(), shared: z.boolean() });

export const reflectionOutput = z.object({
  id: z.string(),
  stepNumber: z.number(),
  promptKey: z.string(),
  body: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ReflectionView = z.infer<typeof reflectionOutput>;

export const memoryOutput = z.object({
  id: z.string(),
  body: z.string(),
  sharedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type MemoryView = z.infer<typeof memoryOutput>;

/** What the person did for a step elsewhere in the app (see lib/program/notice.ts). */
export const stepEvidenceOutput = z.object({
  drafts: z.number().int(),
  contactsMine: z.number().int(),
  contactsTheirs: z.number().int(),
  entries: z.number().int(),
  memories: z.number().int(),
  memoriesShared: z.number().int(),
  reflections: z.array(z.string()),
  outcome: z.boolean(),
});

/**
 * A step's page: the journey it belongs to, the step's progress, the person's reflections
 * on it, what they did for it elsewhere and, on step 4, memories.
 */
export const stepDetailOutput = z.object({
  journey: journeyOutput,
  progress: stepView,
  reflections: z.array(reflectionOutput),
  memories: z.array(memoryOutput),
  evidence: stepEvidenceOutput,
});
export type StepDetail = z.infer<typeof stepDetailOutput>;
