import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { ARGON2_PHC, UNICODE_PASSWORD, UNICODE_PASSWORD_LAST_CHANGED } from "../helpers/passwords";

describe("password hashing", () => {
  it("stores argon2id in PHC format with OWASP's parameters and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([
      hashPassword("hunter2hunter2"),
      hashPassword("hunter2hunter2"),
    ]);
    expect(a).toMatch(ARGON2_PHC);
    expect(b).toMatch(ARGON2_PHC);
    expect(a).not.toBe(b);
  });

  it("round-trips a 100-byte Unicode password, and refuses it with the last character changed", async () => {
    expect(Buffer.byteLength(UNICODE_PASSWORD, "utf8")).toBe(100);
    const stored = await hashPassword(UNICODE_PASSWORD);
    expect(await verifyPassword(stored, UNICODE_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, UNICODE_PASSWORD_LAST_CHANGED)).toBe(false);
  });

  it("never trims, case-folds or truncates what was typed", async () => {
    const typed = "  Pass Word With Spaces  ";
    const stored = await hashPassword(typed);
    expect(await verifyPassword(stored, typed)).toBe(true);
    for (const variant of [
      typed.trim(),
      typed.toLowerCase(),
      typed.toUpperCase(),
      typed.slice(0, -1),
      `${typed}x`,
    ]) {
      expect(await verifyPassword(stored, variant), JSON.stringify(variant)).toBe(false);
    }
  });

  it("answers false, not an error, for an unknown account or a damaged hash", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
  });
});
