import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionId } from "@/server/auth/cookie";
import { authSecret } from "@/server/env";

const cookieFor = async (
  name: string,
  token: Record<string, unknown>,
  { secret = authSecret(), salt = name } = {},
) => `${name}=${await encode({ token, secret, salt })}`;

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
});
