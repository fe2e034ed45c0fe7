import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as forgotPost } from "@/app/(auth)/forgot/submit/route";
import { POST as signInPost } from "@/app/(auth)/sign-in/submit/route";
import { POST as finishPost } from "@/app/(auth)/sign-up/finish/route";
import { POST as signUpPost } from "@/app/(auth)/sign-up/submit/route";
import { GET as authjsGet, POST as authjsPost } from "@/app/api/auth/[...nextauth]/route";
import { pendingSignUps, sessions, users } from "@/db/schema";
import { readSessionId } from "@/server/auth/cookie";
import { signInThroughAuthjs } from "@/server/auth/providers";
import { CLIENT_IP_HEADER, markServedByRekindle } from "@/server/client-ip";
import {
  afterAnswerSettled,
  resetPasswordForm,
  signUpLinkAddress,
  useMailForTests,
} from "@/server/http/doors/auth";
import { pointEdgeAtDatabase } from "@/server/http/edge";
import { RateLimitedError } from "@/server/limits";
import type { Mail } from "@/server/mail";
import { setupTestDb } from "../helpers/db";
import { APP_ORIGIN, SAME_ORIGIN_HEADERS } from "../helpers/http";
import { createUser } from "../helpers/users";

const t = setupTestDb();
const mails: Mail[] = [];

beforeAll(() => {
  pointEdgeAtDatabase(() => Promise.resolve(t.db));
  useMailForTests(async (mail) => void mails.push(mail));
  // As behind scripts/serve.ts, which records each client's address in this header.
  markServedByRekindle();
});
beforeEach(() => {
  mails.length = 0;
});

let lastAddress = 0;
/** A client address no other test in this worker uses, so limits never reach across tests. */
const newAddress = () => {
  lastAddress += 1;
  return `10.77.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
const uniqueEmail = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.com`;

type Handler = (request: Request) => Promise<Response>;

/** A JSON POST as the auth forms send it, from a page of Rekindle's own. */
function post(handler: Handler, path: string, body: unknown, address: string) {
  return handler(
    new Request(`${APP_ORIGIN}${path}`, {
      method: "POST",
      headers: {
        ...SAME_ORIGIN_HEADERS,
        "content-type": "application/json",
        "user-agent": "vitest",
        [CLIENT_IP_HEADER]: address,
      },
      body: JSON.stringify(body),
    }),
  );
}

const signIn = (email: string, password: string, address: string) =>
  post(signInPost, "/sign-in/submit", { email, password }, address);

/** The session a sign-in answer's cookie carries, or null. */
async function sessionIdIn(response: Response): Promise<string | null> {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return readSessionId(new Headers({ cookie: cookies.join("; ") }));
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

// ─── Hole 1: every way to sign in counts toward one lockout ──────────────────────────────

describe("signing in, by any way in", () => {
  it("signs in through the form's door: 200 with a session cookie for a live session", async () => {
    const sam = await createUser(t.db);
    const answer = await signIn(sam.email, sam.password, newAddress());
    expect(answer.status).toBe(200);
    const sid = await sessionIdIn(answer);
    expect(sid).toBeTruthy();
    expect(await t.db.$count(sessions, eq(sessions.userId, sam.userId))).toBe(1);
  });

  it("counts guesses through the door and through Auth.js alike, toward one lockout", async () => {
    const sam = await createUser(t.db);
    const address = newAddress();
    const request = () =>
      new Request(`${APP_ORIGIN}/sign-in/submit`, {
        method: "POST",
        headers: { ...SAME_ORIGIN_HEADERS, [CLIENT_IP_HEADER]: address },
      });
    for (let i = 0; i < 5; i++) {
      if (i % 2 === 0) {
        expect((await signIn(sam.email, `wrong guess ${i}`, address)).status).toBe(401);
      } else {
        // Auth.js's credentials provider, as any server-side signIn() reaches it.
        const refused = await failureOf(
          signInThroughAuthjs(request(), "credentials", {
            email: sam.email,
            password: `wrong guess ${i}`,
          }),
        );
        expect(refused).toMatchObject({ code: "UNAUTHORIZED" });
      }
    }
    // Now even the right password waits, by either way in.
    const locked = await signIn(sam.email, sam.password, address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await locked.json()).toEqual({
      formError: "Too many attempts to sign in to this account. Please try again in 15 minutes.",
    });
    const viaAuthjs = await failureOf(
      signInThroughAuthjs(request(), "credentials", { email: sam.email, password: sam.password }),
    );
    expect(RateLimitedError.is(viaAuthjs)).toBe(true);
    expect(await t.db.$count(sessions)).toBe(0);

    // The owner, elsewhere, still gets in.
    const elsewhere = await signIn(sam.email, sam.password, newAddress());
    expect(elsewhere.status).toBe(200);
    expect(await sessionIdIn(elsewhere)).toBeTruthy();
  });

  it("closes Auth.js's own endpoints: no CSRF token, no callback, no session", async () => {
    const sam = await createUser(t.db);
    const csrf = await authjsGet(
      new Request(`${APP_ORIGIN}/api/auth/csrf`, { headers: SAME_ORIGIN_HEADERS }),
      { params: Promise.resolve({ nextauth: ["csrf"] }) },
    );
    expect(csrf.status).toBe(404);
    // Had it answered, this is the guess it would take, with the token and its cookie.
    const token = csrf.ok ? ((await csrf.json()) as { csrfToken: string }).csrfToken : "none";
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    for (const path of ["callback/credentials", "signin/credentials", "callback/welcome"]) {
      const answer = await authjsPost(
        new Request(`${APP_ORIGIN}/api/auth/${path}`, {
          method: "POST",
          headers: {
            ...SAME_ORIGIN_HEADERS,
            "content-type": "application/x-www-form-urlencoded",
            cookie: csrfCookie,
          },
          body: new URLSearchParams({
            csrfToken: token,
            email: sam.email,
            password: sam.password,
            callbackUrl: "/home",
          }),
        }),
        { params: Promise.resolve({ nextauth: path.split("/") }) },
      );
      expect(answer.status, path).toBe(404);
      expect(await sessionIdIn(answer)).toBeNull();
    }
    for (const path of ["session", "providers", "signout"]) {
      const answer = await authjsGet(
        new Request(`${APP_ORIGIN}/api/auth/${path}`, { headers: SAME_ORIGIN_HEADERS }),
        { params: Promise.resolve({ nextauth: [path] }) },
      );
      expect(answer.status, path).toBe(404);
    }
    expect(await t.db.$count(sessions)).toBe(0);
  });

  it("answers a wrong password and an unknown address with the same body", async () => {
    const sam = await createUser(t.db);
    const wrong = await signIn(sam.email, "not the password", newAddress());
    const unknown = await signIn(uniqueEmail("nobody"), "not the password", newAddress());
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.text()).toBe(await unknown.text());
  });
});

// ─── Hole 2: the person who proves the address chooses the password ──────────────────────

describe("a pre-account takeover", () => {
  it("fails: the stranger's password never opens the account the owner finishes", async () => {
    const victim = uniqueEmail("victim");
    const strangerPassword = "the stranger's own walk 1a2b";
    const victimPassword = "the owner's quiet river 3c4d";
    const stranger = newAddress();

    // The form takes no password any more: sending one is refused, and nothing is mailed.
    const withPassword = await post(
      signUpPost,
      "/sign-up/submit",
      { email: victim, password: strangerPassword, displayName: "Robin" },
      stranger,
    );
    expect(withPassword.status).toBe(400);
    // Refused in words that name what the form does not take.
    expect((await withPassword.json()).formError).toMatch(/displayName|password/);
    // The address alone is taken, and the owner gets the link.
    const started = await post(signUpPost, "/sign-up/submit", { email: victim }, stranger);
    expect(started.status).toBe(200);
    await afterAnswerSettled();
    expect(mails.map((m) => m.to)).toEqual([victim]);
    const token = mails[0]?.text.match(/\/welcome\/([A-Za-z0-9_-]{43})/)?.[1] ?? "";
    expect(token).toHaveLength(43);
    expect(await t.db.$count(users, eq(users.email, victim))).toBe(0);

    // The owner opens the link, chooses a name and password, and is signed in.
    expect(await signUpLinkAddress(token)).toBe(victim);
    const finished = await post(
      finishPost,
      "/sign-up/finish",
      { token, displayName: "Robin", password: victimPassword },
      newAddress(),
    );
    expect(finished.status).toBe(200);
    expect(await sessionIdIn(finished)).toBeTruthy();

    // The stranger's password opens nothing; the owner's does.
    expect((await signIn(victim, strangerPassword, stranger)).status).toBe(401);
    expect((await signIn(victim, victimPassword, newAddress())).status).toBe(200);
    // And the spent link makes nothing more.
    const again = await post(
      finishPost,
      "/sign-up/finish",
      { token, displayName: "Stranger", password: strangerPassword },
      stranger,
    );
    expect(again.status).toBe(404);
    expect(await t.db.$count(pendingSignUps)).toBe(0);
  });

  it("asks for the fields it needs on the finishing page", async () => {
    const answer = await post(
      finishPost,
      "/sign-up/finish",
      { token: "x".repeat(43), displayName: "", password: "short" },
      newAddress(),
    );
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["displayName", "password"]);
  });

  it("tells a dead link apart from a field to fix, without making anything", async () => {
    const answer = await post(
      finishPost,
      "/sign-up/finish",
      { token: "x".repeat(43), displayName: "Robin", password: "a calm walk by the river 7" },
      newAddress(),
    );
    expect(answer.status).toBe(404);
    expect(await t.db.$count(users)).toBe(0);
  });
});

// ─── Hole 3: no stranger's words in mail, one mail per address per 15 minutes ────────────

describe("the sign-up mail", () => {
  it("never carries a name with a link: the form refuses a name, and the mail has none", async () => {
    const email = uniqueEmail("lure");
    const lure = "Win a prize at https://evil.example/claim";
    const refused = await post(
      signUpPost,
      "/sign-up/submit",
      { email, displayName: lure },
      newAddress(),
    );
    expect(refused.status).toBe(400);
    await afterAnswerSettled();
    expect(mails).toEqual([]);

    expect((await post(signUpPost, "/sign-up/submit", { email }, newAddress())).status).toBe(200);
    await afterAnswerSettled();
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails)).not.toContain("evil.example");
  });

  it("goes out once for eight sign-ups of one address, each answered alike", async () => {
    const fresh = uniqueEmail("eight");
    const owner = await createUser(t.db, { email: uniqueEmail("owner") });
    for (const email of [fresh, owner.email]) {
      const bodies = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const answer = await post(signUpPost, "/sign-up/submit", { email }, newAddress());
        expect(answer.status).toBe(200);
        bodies.add(await answer.text());
      }
      expect([...bodies]).toEqual(['{"ok":true}']);
    }
    await afterAnswerSettled();
    expect(mails.map((m) => m.to).sort()).toEqual([fresh, owner.email].sort());
  });
});

// ─── Forgotten password ──────────────────────────────────────────────────────────────────

describe("a forgotten password", () => {
  it("is mailed after the same answer everyone gets, and the form sets the new one", async () => {
    const sam = await createUser(t.db);
    const answer = await post(forgotPost, "/forgot/submit", { email: sam.email }, newAddress());
    expect(answer.status).toBe(200);
    await afterAnswerSettled();
    expect(mails.map((m) => m.to)).toEqual([sam.email]);
    const token = mails[0]?.text.match(/\/reset\/([A-Za-z0-9_-]{43})/)?.[1] ?? "";

    expect(await resetPasswordForm({ token, password: "short" })).toEqual({
      fieldErrors: { password: ["Please use at least 8 characters."] },
    });
    expect(await resetPasswordForm({ token, password: "a new calm walk 9z8y" })).toBeNull();
    expect(await resetPasswordForm({ token, password: "a new calm walk 9z8y" })).toEqual({
      expired: true,
    });
    expect((await signIn(sam.email, "a new calm walk 9z8y", newAddress())).status).toBe(200);
  });

  it("answers 429 with Retry-After past the per-address limit, and mails nothing more", async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      const email = uniqueEmail("forgot");
      expect((await post(forgotPost, "/forgot/submit", { email }, address)).status).toBe(200);
    }
    const refused = await post(forgotPost, "/forgot/submit", { email: uniqueEmail("x") }, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await afterAnswerSettled();
    expect(mails).toEqual([]);
  });
});
