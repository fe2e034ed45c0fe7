import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/server/http/edge";
import { refuseUnsafePost } from "@/server/trpc/http";

const url = "http://localhost:3000/api/trpc/journal.create";

/** Headers a browser, an old browser, another site or a script might send. */
const headers = fc.record(
  {
    host: fc.constantFrom("localhost:3000", "rekindle.example", "evil.example"),
    origin: fc.constantFrom(
      "http://localhost:3000",
      "https://localhost:3000",
      "http://localhost:4000",
      "https://evil.example",
      "null",
      "not a url",
    ),
    "sec-fetch-site": fc.constantFrom("same-origin", "same-site", "cross-site", "none"),
  },
  { requiredKeys: [] },
);

describe("tRPC's guard and the edge", () => {
  it("agree on which JSON posts are same-origin, whatever the headers", () => {
    fc.assert(
      fc.property(headers, (h) => {
        const request = new Request(url, {
          method: "POST",
          headers: { ...h, "content-type": "application/json" },
          body: "{}",
        });
        const refused = refuseUnsafePost(request);
        const same = isSameOrigin(request.headers, request.url);
        expect(refused === null).toBe(same);
        if (refused) expect(refused.status).toBe(403);
      }),
      { numRuns: 300 },
    );
  });
});
