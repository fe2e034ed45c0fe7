import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, freshAddress, remember, test } from "./fixtures";

/**
 * SECURITY 34 and 35 against the production server: no request header changes which
 * protections run, and every door's status tells the truth. Next.js skips a proxy whose
 * matcher says `missing: next-router-prefetch`, and treats `RSC` and `x-nextjs-data`
 * requests as its own; none of them may lose a page's CSP or a buddy lookup's count.
 */
const HEADER_SETS: Record<string, Record<string, string>> = {
  plain: {},
  prefetch: { "next-router-prefetch": "1" },
  rsc: { RSC: "1" },
  "rsc prefetch": { RSC: "1", "next-router-prefetch": "1" },
  data: { "x-nextjs-data": "1" },
};

/** A token no link has; like every token, it must never reach the server's log. */
function deadToken(): string {
  const token = randomBytes(32).toString("base64url");
  remember(token);
  return token;
}

test("every page answer carries a strict CSP, whatever the request's headers", async ({
  request,
}) => {
  for (const [set, headers] of Object.entries(HEADER_SETS)) {
    for (const path of [
      "/",
      "/sign-in",
      "/home",
      "/link-gone",
      "/no-such-page",
      `/b/${deadToken()}/no-such-page`,
    ]) {
      const res = await request.get(path, { headers, maxRedirects: 5 });
      const policy = res.headers()["content-security-policy"] ?? "";
      expect(policy, `${set} ${path}`).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
      );
      expect(policy, `${set} ${path}`).toContain("frame-ancestors 'none'");
    }
    // The buddy page sends no script, so its policy lets none run.
    const res = await request.get(`/b/${deadToken()}`, { headers });
    const policy = res.headers()["content-security-policy"] ?? "";
    expect(policy, `${set} buddy page`).toContain("script-src 'none'");
    expect(policy, `${set} buddy page`).toContain("frame-ancestors 'none'");
    expect(await res.text(), `${set} buddy page`).not.toContain("<script");
  }
});

test("every buddy page lookup is counted, whatever the request's headers", async ({ request }) => {
  const address = freshAddress();
  const sets = Object.values(HEADER_SETS);
  // 60 a minute per address, spread over every header set, dead tokens all.
  for (let i = 0; i < 60; i++) {
    const res = await request.get(`/b/${deadToken()}`, {
      headers: { ...sets[i % sets.length], "X-Forwarded-For": address },
    });
    expect(res.status(), `lookup ${i + 1}`).toBe(404);
  }
  for (const headers of sets) {
    const res = await request.get(`/b/${deadToken()}`, {
      headers: { ...headers, "X-Forwarded-For": address },
    });
    expect(res.status(), JSON.stringify(headers)).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await res.text()).toContain("Let&#x27;s take a short pause");
  }
});

test("the buddy page's props as JSON are refused, with or without x-nextjs-data", async ({
  request,
}) => {
  const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
  for (const headers of Object.values(HEADER_SETS)) {
    for (const prefix of ["/_next/data", "/_next/%64ata"]) {
      const res = await request.get(`${prefix}/${buildId}/b/${deadToken()}.json`, { headers });
      expect(res.status(), `${prefix} ${JSON.stringify(headers)}`).toBe(404);
    }
  }
});

test("addresses that are secrets are never sent on in a Referer", async ({ request }) => {
  for (const path of [
    `/b/${deadToken()}`,
    "/link-gone",
    `/cal/${deadToken()}.ics`,
    "/cal/%25.ics",
  ]) {
    const res = await request.get(path);
    expect(res.headers()["referrer-policy"], path).toBe("no-referrer");
    expect(res.headers()["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  // Everywhere else, the site-wide policy.
  for (const path of ["/", "/sign-in", "/api/health", "/buddies"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("statuses tell the truth at every token door: dead 404, malformed 404, never 500", async ({
  request,
}) => {
  const dead = deadToken();
  const answers = {
    page: await request.get(`/b/${dead}`),
    "page, %25": await request.get("/b/%25"),
    "page, malformed": await request.get("/b/%E0%A4%A"),
    feed: await request.get(`/cal/${dead}.ics`),
    "feed, %25": await request.get("/cal/%25.ics"),
    "feed, malformed": await request.get("/cal/%E0%A4%A.ics"),
    encourage: await request.post(`/b/${dead}/encourage`, {
      form: { message: "hi" },
      headers: { "Sec-Fetch-Site": "same-origin" },
    }),
    "encourage, malformed": await request.post("/b/%E0%A4%A/encourage", {
      form: { message: "hi" },
      headers: { "Sec-Fetch-Site": "same-origin" },
    }),
    nudge: await request.post(`/b/${dead}/nudge`, { headers: { "Sec-Fetch-Site": "same-origin" } }),
    save: await request.post(`/b/${dead}/save`, { headers: { "Sec-Fetch-Site": "same-origin" } }),
  };
  for (const [door, res] of Object.entries(answers)) expect(res.status(), door).toBe(404);
  expect(await answers.page.text()).toContain("This link no longer works");
  expect(await answers.feed.text()).toBe("This calendar address no longer works.");
});

test("a request from another site is refused with 403: server actions and buddy forms", async ({
  request,
}) => {
  const crossSite: Record<string, string>[] = [
    { Origin: "https://evil.example" },
    { "Sec-Fetch-Site": "cross-site" },
  ];
  for (const headers of crossSite) {
    const action = await request.post("/sign-in", {
      headers: { ...headers, "Next-Action": "0".repeat(42), "Content-Type": "text/plain" },
      data: "[]",
    });
    expect(action.status(), `server action ${JSON.stringify(headers)}`).toBe(403);
    for (const form of ["encourage", "nudge", "save"]) {
      const res = await request.post(`/b/${deadToken()}/${form}`, {
        headers,
        form: { message: "from elsewhere" },
      });
      expect(res.status(), `${form} ${JSON.stringify(headers)}`).toBe(403);
    }
  }
});
