import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/server/http/csp";

const dev = process.env.NODE_ENV !== "production";

/**
 * Every page gets a fresh nonce: Next.js reads it from the request's CSP header and puts
 * it on each of its scripts; the response carries the same policy. That is all this does:
 * what guards data (the buddy page's limit and status included) lives at the door itself
 * (server/http/doors/), so no request header that makes Next skip this file can skip it.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, dev);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: static files carry no scripts to vouch for, and /api answers JSON. The buddy
  // page (/b/<token>, one segment) sets its own policy: it sends no script, so it needs no
  // nonce, and running the proxy for it was a large share of its CPU (docs/benchmarks.md).
  // Every other address under /b/ still comes here. No header-based exclusions (a
  // prefetch, an RSC or data request still gets a page's policy).
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico|b/[^/]+$).*)"],
};
