import { describe, expect, it } from "vitest";
import { refuseUnsafePost } from "@/server/trpc/http";

const url = "http://localhost:3000/api/trpc/account.updateProfile";
const json = { "content-type": "application/json" };

function post(headers: Record<string, string>, body: BodyInit = "{}") {
  return new Request(url, { method: "POST", headers, body });
}

describe("the guard in front of tRPC mutations", () => {
  it("lets same-origin JSON through, by Sec-Fetch-Site or by a matching Origin", () => {
    expect(refuseUnsafePost(post({ ...json, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(
      refuseUnsafePost(post({ ...json, origin: "http://localhost:3000", host: "localhost:3000" })),
    ).toBeNull();
  });

  it("lets GET through (queries change nothing) and JSON from non-browser clients", () => {
    expect(refuseUnsafePost(new Request(url))).toBeNull();
    expect(refuseUnsafePost(post(json))).toBeNull();
  });

  it.each([
    ["multipart/form-data", new FormData()],
    ["application/x-www-form-urlencoded", "displayName=x"],
    ["text/plain", '{"json":{}}'],
  ])("answers 415 to a %s body, which a form on any site can send", async (type, body) => {
    const headers: Record<string, string> =
      body instanceof FormData ? {} : { "content-type": type };
    const res = refuseUnsafePost(post({ ...headers, "sec-fetch-site": "same-origin" }, body));
    expect(res?.status).toBe(415);
    expect(res?.headers.get("cache-control")).toBe("no-store");
    expect(await res?.json()).toEqual({ error: { message: "This request must be sent as JSON." } });
  });

  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site: none", { "sec-fetch-site": "none" }],
    ["a foreign Origin", { origin: "https://evil.example", host: "localhost:3000" }],
    ["Origin: null (a sandboxed frame)", { origin: "null", host: "localhost:3000" }],
    ["an Origin on another port", { origin: "http://localhost:4000", host: "localhost:3000" }],
  ])("answers 403 to JSON with %s", (_label, headers) => {
    const res = refuseUnsafePost(post({ ...json, ...headers }));
    expect(res?.status).toBe(403);
  });
});
