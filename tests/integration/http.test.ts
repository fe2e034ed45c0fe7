import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journalEntries, users } from "@/db/schema";
import { TRPC_BATCH_MAX } from "@/lib/schemas/plain";
import { setupTestDb } from "../helpers/db";
import { mutationRequest, SAME_ORIGIN_HEADERS, send, trpcUrl } from "../helpers/http";
import { sessionCookie, signedInUser } from "../helpers/users";

const t = setupTestDb();

const profileOf = async (userId: string) => {
  const [row] = await t.db
    .select({ displayName: users.displayName, timeZone: users.timeZone, version: users.version })
    .from(users)
    .where(eq(users.id, userId));
  return row;
};

/** A signed-in person whose browser holds a valid session cookie. */
async function signedInBrowser() {
  const user = await signedInUser(t.db, { displayName: "Robin" });
  return { ...user, cookie: await sessionCookie(user.sessionId) };
}

const original = { displayName: "Robin", timeZone: "UTC", version: 1 };
const edit = { displayName: "Changed", timeZone: "Europe/Lisbon", version: 1 };

describe("a mutation sent from another site", () => {
  it("is refused when a cross-site form posts multipart data with the cookie, and nothing changes", async () => {
    const robin = await signedInBrowser();
    const form = new FormData();
    form.set("displayName", "Hacked by a form");
    form.set("timeZone", "UTC");
    form.set("version", "1");

    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      {}, // an old browser that sends neither header
    ];
    for (const headers of attempts) {
      const res = await send(
        new Request(trpcUrl("account.updateProfile"), {
          method: "POST",
          headers: { host: "localhost:3000", cookie: robin.cookie, ...headers },
          body: form,
        }),
        t.db,
      );
      expect([403, 415], JSON.stringify(headers)).toContain(res.status);
      expect(res.text).not.toContain("Hacked");
    }
    expect(await profileOf(robin.userId)).toEqual(original);
  });

  it.each([
    ["JSON with Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }, 403],
    ["JSON with a foreign Origin", { "sec-fetch-site": null, origin: "https://evil.example" }, 403],
    ["JSON from a sibling subdomain", { "sec-fetch-site": "same-site" }, 403],
    ["JSON labelled text/plain (no preflight)", { "content-type": "text/plain" }, 415],
  ])("is refused: %s", async (_label, headers: Record<string, string | null>, status) => {
    const robin = await signedInBrowser();
    const req = mutationRequest("account.updateProfile", edit, { cookie: robin.cookie });
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) req.headers.delete(name);
      else req.headers.set(name, value);
    }
    const res = await send(req, t.db);
    expect(res.status).toBe(status);
    expect(await profileOf(robin.userId)).toEqual(original);
  });

  it("is accepted from the app's own pages with the same cookie (so the refusals above mean something)", async () => {
    const robin = await signedInBrowser();
    const res = await send(
      mutationRequest("account.updateProfile", edit, { cookie: robin.cookie }),
      t.db,
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ displayName: "Changed", version: 2 });
    expect(await profileOf(robin.userId)).toEqual({ ...edit, version: 2 });
  });
});

describe("bad input", () => {
  const valid = { displayName: "Robin", timeZone: "UTC", version: 1 };
  const { version: _omit, ...withoutVersion } = valid;

  it.each([
    ["an empty name", { ...valid, displayName: "" }, "displayName", "Please enter your name."],
    [
      "a 50,000-character name",
      { ...valid, displayName: "N".repeat(50_000) },
      "displayName",
      "Please keep your name to 60 characters or fewer.",
    ],
    [
      "a name that is a number",
      { ...valid, displayName: 42 },
      "displayName",
      "Please enter your name.",
    ],
    [
      "an unknown time zone",
      { ...valid, timeZone: "Mars/Olympus_Mons" },
      "timeZone",
      "Please choose a time zone from the list.",
    ],
    // The version comes from the form, not the person; its message only has to name it.
    ["no version", withoutVersion, "version", expect.any(String)],
    ["a version sent as text", { ...valid, version: "1" }, "version", expect.any(String)],
  ])(
    "answers 400 naming the field for %s, and saves nothing",
    async (_label, input, field, sentence) => {
      const robin = await signedInBrowser();
      const res = await send(
        mutationRequest("account.updateProfile", input, { cookie: robin.cookie }),
        t.db,
      );
      expect(res.status).toBe(400);
      expect(res.error?.data.code).toBe("BAD_REQUEST");
      expect(res.error?.message).toMatch(new RegExp(`^${field}: `));
      expect(res.error?.data.fieldErrors).toEqual({ [field]: [sentence] });
      expect(res.text).not.toContain("N".repeat(100)); // the input is not echoed back
      expect(await profileOf(robin.userId)).toEqual(original);
    },
  );

  it("answers 400 naming an unknown field such as userId", async () => {
    const robin = await signedInBrowser();
    const res = await send(
      mutationRequest(
        "account.updateProfile",
        { ...valid, userId: "00000000-0000-0000-0000-000000000000" },
        { cookie: robin.cookie },
      ),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain("userId");
    expect(await profileOf(robin.userId)).toEqual(original);
  });

  it.each([
    ["not an object", "just a string"],
    ["null", null],
    ["an array", [valid]],
  ])("answers 400, never 500, to input that is %s", async (_label, input) => {
    const robin = await signedInBrowser();
    const res = await send(
      mutationRequest("account.updateProfile", input, { cookie: robin.cookie }),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe("BAD_REQUEST");
  });

  it("answers 400, never 500, to a body that is not JSON at all", async () => {
    const robin = await signedInBrowser();
    const res = await send(
      new Request(trpcUrl("account.updateProfile"), {
        method: "POST",
        headers: {
          ...SAME_ORIGIN_HEADERS,
          "content-type": "application/json",
          cookie: robin.cookie,
        },
        body: '{"json": {"displayName": ',
      }),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(await profileOf(robin.userId)).toEqual(original);
  });
});

describe("a batch", () => {
  /** Many calls in one request, as httpBatchLink sends them: paths joined, inputs by index. */
  function batchRequest(
    paths: string[],
    inputs: unknown[] | null,
    headers: Record<string, string>,
  ): Request {
    const url = new URL(trpcUrl(paths.join(",")));
    url.searchParams.set("batch", "1");
    const body = inputs && Object.fromEntries(inputs.map((input, i) => [i, { json: input }]));
    return body
      ? new Request(url, {
          method: "POST",
          headers: { ...SAME_ORIGIN_HEADERS, "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        })
      : new Request(url, { headers: { ...SAME_ORIGIN_HEADERS, ...headers } });
  }

  const entry = () => ({ idempotencyKey: randomUUID(), mood: 3, body: "batched" });
  const entries = async (userId: string) =>
    (await t.db.select().from(journalEntries).where(eq(journalEntries.userId, userId))).length;

  it(`of more than ${TRPC_BATCH_MAX} writes is refused with 400 before any of them runs`, async () => {
    const robin = await signedInBrowser();
    const n = TRPC_BATCH_MAX + 1;
    const res = await send(
      batchRequest(Array(n).fill("journal.create"), Array.from({ length: n }, entry), {
        cookie: robin.cookie,
      }),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.error?.message).toBe(`Please send at most ${TRPC_BATCH_MAX} calls in one request.`);
    expect(await entries(robin.userId)).toBe(0);
  });

  it("of a thousand reads is refused the same way", async () => {
    const robin = await signedInBrowser();
    const res = await send(
      batchRequest(Array(1_000).fill("dashboard.get"), null, { cookie: robin.cookie }),
      t.db,
    );
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/at most 10 calls/);
  });

  it(`of ${TRPC_BATCH_MAX} calls, as many as the app's client sends, is served`, async () => {
    const robin = await signedInBrowser();
    const res = await send(
      batchRequest(
        Array(TRPC_BATCH_MAX).fill("journal.create"),
        Array.from({ length: TRPC_BATCH_MAX }, entry),
        { cookie: robin.cookie },
      ),
      t.db,
    );
    expect(res.status).toBe(200);
    expect(await entries(robin.userId)).toBe(TRPC_BATCH_MAX);
  });
});

describe("a reached limit", () => {
  it("answers 429 with Retry-After, as every other door does", async () => {
    const robin = await signedInBrowser();
    const guess = (password: string) =>
      send(mutationRequest("account.deleteAccount", { password }, { cookie: robin.cookie }), t.db);
    for (let i = 0; i < 5; i++) expect((await guess(`not it ${i}`)).status).toBe(400);
    const res = await guess(robin.password);
    expect(res.status).toBe(429);
    expect(res.error?.message).toMatch(/try again in \d+ minutes/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await profileOf(robin.userId)).toEqual(original);
  });
});

describe("a request tRPC cannot read", () => {
  const MARK = "robin-typed-this";
  const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
  it.each([
    [
      "a bigint that is not a number",
      `journal.byId?input=${enc({ json: { id: MARK }, meta: { values: { id: ["bigint"] } } })}`,
    ],
    [
      "a regular expression with bad flags",
      `journal.byId?input=${enc({ json: { id: MARK }, meta: { values: { id: ["regexp"] } } })}`,
    ],
    [
      "an unknown class",
      `journal.byId?input=${enc({ json: { id: MARK }, meta: { values: { id: [["class", MARK]] } } })}`,
    ],
    [
      "meta that is not a map",
      `journal.byId?input=${enc({ json: { id: MARK }, meta: { values: MARK } })}`,
    ],
    ["null", "journal.byId?input=null"],
    ["a path that is not URL-encoded right", `${MARK}%E0%A4%A`],
    ["a path that names no procedure", `${MARK}.list`],
    ["an input that is not JSON", `journal.byId?input=%7B${MARK}`],
  ])("is refused with 4xx and a plain sentence, not echoed: %s", async (_label, rest) => {
    const robin = await signedInBrowser();
    const res = await send(
      new Request(`${trpcUrl("")}${rest}`, {
        headers: { ...SAME_ORIGIN_HEADERS, cookie: robin.cookie },
      }),
      t.db,
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain(MARK);
    expect(res.text).not.toMatch(/stack|destructure|constructor|superjson|github/i);
  });
});

describe("every answer", () => {
  it("is labelled JSON once, served or refused", async () => {
    const robin = await signedInBrowser();
    const cookie = { cookie: robin.cookie };
    const answers = [
      new Request(trpcUrl("account.me"), { headers: { ...SAME_ORIGIN_HEADERS, ...cookie } }),
      new Request(trpcUrl("account.me"), { headers: SAME_ORIGIN_HEADERS }),
      mutationRequest("journal.create", { mood: 9 }, cookie),
      new Request(trpcUrl("journal.create"), {
        method: "POST",
        headers: { ...SAME_ORIGIN_HEADERS, ...cookie, "content-type": "application/json" },
        body: "not json",
      }),
    ];
    for (const request of answers) {
      const res = await send(request, t.db);
      expect(res.headers.get("content-type"), `${res.status} ${request.url}`).toBe(
        "application/json",
      );
    }
  });
});
