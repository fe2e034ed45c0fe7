import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/server/http/csp";

describe("the content security policy", () => {
  it("runs only scripts with this response's nonce, in production without eval", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    for (const rule of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(rule);
    }
    expect(policy).not.toMatch(/https?:/);
  });

  it("lets the install manifest and the service worker load, from this origin only", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy).toContain("manifest-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    // The worker fetches pages and files from this origin only.
    expect(policy).toContain("connect-src 'self'");
  });

  it("lets no script run at all without a nonce, in development too", () => {
    for (const dev of [false, true]) {
      const policy = contentSecurityPolicy(null, dev);
      expect(policy).toContain("script-src 'none'");
      expect(policy).not.toMatch(/nonce|unsafe-eval|strict-dynamic/);
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });

  it("allows eval only in development, for React's error overlay", () => {
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });

  it("makes a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("proxy.ts", () => {
  const HEADER_SETS: Record<string, string>[] = [
    {},
    { "next-router-prefetch": "1" },
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { "x-nextjs-data": "1" },
  ];

  it("runs for every page request: its matcher excludes no request by a header", async () => {
    const { config } = await import("@/proxy");
    for (const matcher of config.matcher) {
      expect(typeof matcher, "a plain path pattern, with no has/missing conditions").toBe("string");
    }
  });

  it("runs for every page but the buddy page itself, which sets its own policy", async () => {
    const { config } = await import("@/proxy");
    const { unstable_doesMiddlewareMatch: matches } = await import(
      "next/experimental/testing/server"
    );
    for (const headers of HEADER_SETS) {
      for (const url of ["/", "/home", "/plan/1", "/link-gone", "/b/abc/save", "/b/", "/books"]) {
        expect(matches({ config, url, headers }), `${url} ${JSON.stringify(headers)}`).toBe(true);
      }
      for (const url of ["/b/abc", "/b/abc?notice=encouraged", "/api/trpc/dashboard.get"]) {
        expect(matches({ config, url, headers }), `${url} ${JSON.stringify(headers)}`).toBe(false);
      }
    }
  });

  it("gives every page answer its own nonce policy, whatever the request's headers", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const seen = new Set<string>();
    for (const headers of HEADER_SETS) {
      for (const path of ["/", "/home", "/b/some-token", "/link-gone"]) {
        const response = proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
        const policy = response.headers.get("content-security-policy") ?? "";
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(200);
        const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
        expect(nonce, `${path} ${JSON.stringify(headers)}`).toBeTruthy();
        seen.add(nonce ?? "");
      }
    }
    expect(seen.size).toBe(HEADER_SETS.length * 4);
  });
});
