import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { readSessionId } from "@/server/auth/cookie";
import { authSecret } from "@/server/env";

const cookieFor = async (
  name: string,
  token: Record<string, unknown>,
  { secret = authSecret(), salt = name, maxAge = 60 } = {},
) => `${name}=${await encode({ token, secret, salt, maxAge })}`;

const headers = (cookie: string) => new Headers({ cookie });

describe("reading the session id from the Auth.js cookie", () => {
  it("finds the id in the plain and the __Secure- cookie, among other cookies", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      const cookie = await cookieFor(name, { sid: "abc123" });
      expect(await readSessionId(headers(`theme=dark; ${cookie}; lang=en`))).toBe("abc123");
    }
  });

  it("ignores a cookie sealed with another secret, another cookie's salt, or no id", async () => {
    const forged = await cookieFor(
      "authjs.session-token",
      { sid: "abc123" },
      { secret: "an-attacker-secret-that-is-long-enough-0000" },
    );
    const moved = await cookieFor(
      "__Secure-authjs.session-token",
      { sid: "abc123" },
      { salt: "authjs.session-token" },
    );
    const noSid = await cookieFor("authjs.session-token", { sub: "user-1" });
    for (const cookie of [forged, moved, noSid, "authjs.session-token=garbage", ""]) {
      expect(await readSessionId(headers(cookie))).toBeNull();
    }
  });

  it("reads a cookie again the same way, and stops at its expiry", async () => {
    const name = "authjs.session-token";
    const now = Math.floor(Date.now() / 1000);
    const live = await cookieFor(name, { sid: "again" });
    expect(await readSessionId(headers(live))).toBe("again");
    expect(await readSessionId(headers(live))).toBe("again");

    const ending = await cookieFor(name, { sid: "ending" }, { maxAge: 2 });
    expect(await readSessionId(headers(ending))).toBe("ending");
    // Past its end and the 15 seconds of clock drift Auth.js allows.
    vi.useFakeTimers({ now: (now + 20) * 1000, toFake: ["Date"] });
    try {
      expect(await readSessionId(headers(ending))).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
