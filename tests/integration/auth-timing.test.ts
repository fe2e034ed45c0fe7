import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as forgotPost } from "@/app/(auth)/forgot/submit/route";
import { POST as signInPost } from "@/app/(auth)/sign-in/submit/route";
import { POST as signUpPost } from "@/app/(auth)/sign-up/submit/route";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import { afterAnswerSettled, useMailForTests } from "@/server/http/doors/auth";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { setupTestDb } from "../helpers/db";
import { APP_ORIGIN, SAME_ORIGIN_HEADERS } from "../helpers/http";
import { createUser, type TestUser } from "../helpers/users";

/**
 * Known and unknown addresses are answered alike, in body and in time, on sign-up, sign-in
 * and forgot-password (SECURITY.md 4 and 37). Requests alternate known and unknown, so a
 * machine that slows down slows both alike, and the work a door leaves for after its answer
 * is finished between requests, outside the time measured.
 */
const t = setupTestDb();
const ROUNDS = 30;

beforeAll(() => {
  pointEdgeAtDatabase(() => Promise.resolve(t.db));
  useMailForTests(async () => {});
  markServedByRekindle();
});

let lastAddress = 0;
const newAddress = () => {
  lastAddress += 1;
  return `10.88.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
const unknownEmail = () => `nobody-${randomUUID().slice(0, 8)}@example.com`;

type Handler = (request: Request) => Promise<Response>;

async function timed(handler: Handler, path: string, body: unknown) {
  const request = new Request(`${APP_ORIGIN}${path}`, {
    method: "POST",
    headers: {
      ...SAME_ORIGIN_HEADERS,
      "content-type": "application/json",
      [CLIENT_IP_HEADER]: newAddress(),
    },
    body: JSON.stringify(body),
  });
  const started = performance.now();
  const response = await handler(request);
  const text = await response.text();
  const ms = performance.now() - started;
  await afterAnswerSettled();
  return { ms, status: response.status, text };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Sends ROUNDS requests about known addresses and ROUNDS about unknown ones, alternating,
 * and holds both to one answer and to medians within 3 ms or 25 %, whichever is wider.
 */
async function compare(
  handler: Handler,
  path: string,
  knownBody: (i: number) => unknown,
  unknownBody: () => unknown,
) {
  // One round each first, so loading code and warming caches is timed for neither.
  await timed(handler, path, unknownBody());
  const known: number[] = [];
  const unknown: number[] = [];
  const answers = new Set<string>();
  for (let i = 0; i < ROUNDS; i++) {
    const k = await timed(handler, path, knownBody(i));
    const u = await timed(handler, path, unknownBody());
    known.push(k.ms);
    unknown.push(u.ms);
    answers.add(`${k.status} ${k.text}`);
    answers.add(`${u.status} ${u.text}`);
  }
  const [a, b] = [median(known), median(unknown)];
  return {
    answers: [...answers],
    known: a,
    unknown: b,
    tolerance: Math.max(3, 0.25 * Math.max(a, b)),
  };
}

/** People with accounts, made per test (the tables are emptied before each). */
async function makePeople(): Promise<TestUser[]> {
  const people: TestUser[] = [];
  for (let i = 0; i < ROUNDS; i++) people.push(await createUser(t.db));
  return people;
}

describe("known and unknown addresses take the same time", () => {
  it("on sign-up", async () => {
    const people = await makePeople();
    const r = await compare(
      signUpPost,
      "/sign-up/submit",
      (i) => ({ email: people[i]?.email }),
      () => ({ email: unknownEmail() }),
    );
    expect(r.answers).toEqual(['200 {"ok":true}']);
    expect(Math.abs(r.known - r.unknown), JSON.stringify(r)).toBeLessThanOrEqual(r.tolerance);
  }, 60_000);

  it("on forgot-password", async () => {
    const people = await makePeople();
    const r = await compare(
      forgotPost,
      "/forgot/submit",
      (i) => ({ email: people[i]?.email }),
      () => ({ email: unknownEmail() }),
    );
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]).toMatch(/^200 /);
    expect(Math.abs(r.known - r.unknown), JSON.stringify(r)).toBeLessThanOrEqual(r.tolerance);
  }, 60_000);

  it("on sign-in with a wrong password: an unknown address costs a dummy hash", async () => {
    const people = await makePeople();
    const r = await compare(
      signInPost,
      "/sign-in/submit",
      (i) => ({ email: people[i]?.email, password: "not the password at all" }),
      () => ({ email: unknownEmail(), password: "not the password at all" }),
    );
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]).toMatch(/^401 /);
    expect(Math.abs(r.known - r.unknown), JSON.stringify(r)).toBeLessThanOrEqual(r.tolerance);
  }, 120_000);
});
