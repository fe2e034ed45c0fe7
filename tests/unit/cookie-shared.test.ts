import { decode, encode } from "next-auth/jwt";
import { expect, it, vi } from "vitest";
import { authSecret } from "@/server/env";

// The real decode, counted: how often a cookie is opened.
vi.mock("next-auth/jwt", async (original) => {
  const real = await original<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});

it("opens a person's cookie once per process, whichever bundle's copy reads it", async () => {
  const name = "authjs.session-token";
  const token = await encode({ token: { sid: "shared" }, secret: authSecret(), salt: name });
  const cookie = new Headers({ cookie: `${name}=${token}` });

  // The tRPC door's bundle reads it first…
  const door = await import("@/server/auth/cookie");
  expect(await door.readSessionId(cookie)).toBe("shared");
  // …then a page's bundle, a copy of the same module with its own module state.
  vi.resetModules();
  const page = await import("@/server/auth/cookie");
  expect(page).not.toBe(door);
  expect(await page.readSessionId(cookie)).toBe("shared");

  expect(vi.mocked(decode)).toHaveBeenCalledTimes(1);
});
