import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  finishSignUpInput,
  forgotPasswordInput,
  signInInput,
  startSignUpInput,
} from "@/lib/schemas/account";
import { encouragementInput } from "@/lib/schemas/buddies";
import { importFile } from "@/lib/schemas/import";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import {
  afterAnswerSettled,
  finishSignUpDoor,
  forgotPasswordDoor,
  signInDoor,
  signUpDoor,
  useMailForTests,
} from "@/server/http/doors/auth";
import { buddyPage, encourage, nudge, save } from "@/server/http/doors/buddy";
import { calendarFeed } from "@/server/http/doors/calendar";
import { exportData } from "@/server/http/doors/export";
import { importData } from "@/server/http/doors/import";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { arbitraryFromSchema, rekindleFields } from "../helpers/arbitrary";
import { setupTestDb } from "../helpers/db";
import { APP_ORIGIN, SAME_ORIGIN_HEADERS } from "../helpers/http";
import { startJourney } from "../helpers/journeys";
import { createBuddyLink, sessionCookie, signedInUser } from "../helpers/users";

/**
 * Every door that is not tRPC, fed bodies generated from its own input schema (so they get
 * past validation and reach the work behind it) and bodies no form would send: other JSON,
 * plain text, other content types, odd tokens in the address. Whatever arrives, the answer
 * is a success or a refusal a person can read; a 500 fails the test.
 */
const t = setupTestDb();
const RUNS = 40;

beforeAll(() => {
  pointEdgeAtDatabase(async () => t.db);
  useMailForTests(async () => {});
  markServedByRekindle();
});
afterAll(() => afterAnswerSettled());

let lastAddress = 0;
/** A client address of its own per request, so the limits answer 429 only when they should. */
const nextAddress = () => {
  lastAddress += 1;
  return `10.91.${Math.floor(lastAddress / 250) % 250}.${(lastAddress % 250) + 1}`;
};

const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("", "\u0000", "%", "%E0%A4%A", "../../etc/passwd", "é".repeat(3000), "null"),
);

/** What arrives as a body: the schema's own values, any JSON at all, or not JSON. */
const bodyFor = (schema: Parameters<typeof arbitraryFromSchema>[0]) =>
  fc.oneof(
    { weight: 3, arbitrary: arbitraryFromSchema(schema, { fields: rekindleFields }) },
    { weight: 1, arbitrary: fc.anything() },
  );

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  undefined,
);

type Door = (request: Request, route?: { params: Promise<never> }) => Promise<Response>;

/** A status a person can act on: never 500 while the database is up. */
async function expectReadable(response: Response) {
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /); // no stack
}

const JSON_DOORS: [string, Door, Parameters<typeof arbitraryFromSchema>[0]][] = [
  ["/sign-in/submit", signInDoor as Door, signInInput],
  ["/sign-up/submit", signUpDoor as Door, startSignUpInput],
  ["/sign-up/finish", finishSignUpDoor as Door, finishSignUpInput],
  ["/forgot/submit", forgotPasswordDoor as Door, forgotPasswordInput],
];

describe.each(JSON_DOORS)("POST %s", (path, door, schema) => {
  it("never answers 500, whatever the body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodyFor(schema).map((v) => JSON.stringify(v) ?? "null"),
          oddText,
        ),
        contentType,
        async (body, type) => {
          const headers: Record<string, string> = {
            ...SAME_ORIGIN_HEADERS,
            [CLIENT_IP_HEADER]: nextAddress(),
          };
          if (type) headers["content-type"] = type;
          await expectReadable(
            await door(new Request(`${APP_ORIGIN}${path}`, { method: "POST", headers, body })),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("POST /api/import", () => {
  it("never answers 500, whatever the body", async () => {
    // Several people, so the per-account limit (10 an hour) is not all that answers.
    const cookies: string[] = [];
    for (let i = 0; i < 5; i++) {
      cookies.push(await sessionCookie((await signedInUser(t.db)).sessionId));
    }
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodyFor(importFile).map((v) => JSON.stringify(v) ?? "null"),
          oddText,
        ),
        contentType,
        async (body, type) => {
          run += 1;
          const headers: Record<string, string> = {
            ...SAME_ORIGIN_HEADERS,
            [CLIENT_IP_HEADER]: nextAddress(),
            cookie: cookies[run % cookies.length] ?? "",
          };
          if (type) headers["content-type"] = type;
          await expectReadable(
            await importData(
              new Request(`${APP_ORIGIN}/api/import`, { method: "POST", headers, body }),
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("the buddy page and its forms", () => {
  it("never answer 500, whatever the token, the body or the cookie", async () => {
    const owner = await signedInUser(t.db);
    await startJourney(t.db, owner.userId);
    const { token: live } = await createBuddyLink(owner.caller, "a friend");
    const visitor = await signedInUser(t.db);
    const cookie = await sessionCookie(visitor.sessionId);
    const token = fc.oneof(fc.constant(live), oddText);
    const form = fc.oneof(
      arbitraryFromSchema(encouragementInput).map((v) => {
        const data = new URLSearchParams();
        for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
          if (value !== undefined) data.set(key, String(value));
        }
        return data.toString();
      }),
      oddText,
    );
    const forms = [encourage, nudge, save] as unknown as Door[];
    await fc.assert(
      fc.asyncProperty(
        token,
        form,
        fc.constantFrom(...forms),
        fc.boolean(),
        async (raw, body, door, signedIn) => {
          const address = nextAddress();
          const page = await buddyPage({
            token: raw,
            headers: {
              host: "localhost:3000",
              [CLIENT_IP_HEADER]: address,
              ...(signedIn ? { cookie } : {}),
            },
          });
          expect(page.status).toBeLessThan(500);
          const request = new Request(`${APP_ORIGIN}/b/x/encourage`, {
            method: "POST",
            headers: {
              ...SAME_ORIGIN_HEADERS,
              "content-type": "application/x-www-form-urlencoded",
              [CLIENT_IP_HEADER]: address,
              ...(signedIn ? { cookie } : {}),
            },
            body,
          });
          const route = { params: Promise.resolve({ token: raw }) } as { params: Promise<never> };
          await expectReadable(await door(request, route));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("GET doors", () => {
  it("the calendar feed never answers 500, whatever its address", async () => {
    await fc.assert(
      fc.asyncProperty(oddText, async (raw) => {
        const request = new Request(`${APP_ORIGIN}/cal/x.ics`, {
          headers: { [CLIENT_IP_HEADER]: nextAddress() },
        });
        const route = { params: Promise.resolve({ token: `${raw}.ics` }) } as {
          params: Promise<never>;
        };
        await expectReadable(await (calendarFeed as unknown as Door)(request, route));
      }),
      { numRuns: RUNS },
    );
  });

  it("the export never answers 500, whatever cookie arrives", async () => {
    await fc.assert(
      fc.asyncProperty(oddText, async (raw) => {
        const request = new Request(`${APP_ORIGIN}/api/export`, {
          headers: { cookie: `authjs.session-token=${encodeURIComponent(raw)}` },
        });
        const response = await exportData(request);
        expect(response.status).toBe(401);
        await expectReadable(response);
      }),
      { numRuns: RUNS },
    );
  });
});
