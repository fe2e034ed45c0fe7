import { describe, expect, it } from "vitest";
import { signInInput, signUpInput, updateProfileInput } from "@/lib/schemas/account";

const valid = { displayName: "Sam", email: "sam@example.com", password: "long enough" };

describe("sign-up input", () => {
  it("keeps the password exactly as typed", async () => {
    const password = "  MiXeD case, spaces kept  ";
    expect((await signUpInput.parseAsync({ ...valid, password })).password).toBe(password);
    expect(signInInput.parse({ email: valid.email, password }).password).toBe(password);
  });

  it("stores the e-mail trimmed and lower-cased, so one address is one account", async () => {
    expect(
      (await signUpInput.parseAsync({ ...valid, email: "  Sam.Tester@Example.COM " })).email,
    ).toBe("sam.tester@example.com");
  });

  it("refuses passwords under 8 or over 128 characters", async () => {
    const longest = `a calm walk ${"x".repeat(116)}`;
    const parse = (password: string) => signUpInput.safeParseAsync({ ...valid, password });
    expect((await parse("1234567")).success).toBe(false);
    expect((await parse(`${longest}x`)).success).toBe(false);
    expect((await parse(longest)).success).toBe(true);
  });

  it("refuses fields it does not know, such as a user id", async () => {
    const result = await signUpInput.safeParseAsync({ ...valid, userId: "someone-else" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("userId");
  });
});

describe("profile input", () => {
  const profile = { displayName: "Sam", timeZone: "Europe/Paris", version: 1 };

  it.each([
    ["an empty name", { displayName: "" }, "displayName"],
    ["a name of only spaces", { displayName: "   " }, "displayName"],
    ["a 61-character name", { displayName: "x".repeat(61) }, "displayName"],
    ["a name with a control character", { displayName: "Sam\u0007" }, "displayName"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a version that is not a whole number", { version: 1.5 }, "version"],
  ])("refuses %s on that field", (_label, change, field) => {
    const result = updateProfileInput.safeParse({ ...profile, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });

  it.each(["Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "America/Nuuk", "Etc/UTC", "UTC"])(
    "accepts %s, whichever name of a zone the browser reports",
    (timeZone) => expect(updateProfileInput.safeParse({ ...profile, timeZone }).success).toBe(true),
  );

  it.each(["+05:30", "GMT+5:30", "Europe/Paris/Louvre", "", "x".repeat(10_000)])(
    "refuses %j, which is no zone name",
    (timeZone) =>
      expect(updateProfileInput.safeParse({ ...profile, timeZone }).success).toBe(false),
  );

  it("trims the name and accepts any zone the runtime knows", () => {
    expect(
      updateProfileInput.parse({ ...profile, displayName: "  Sam  ", timeZone: "UTC" }),
    ).toEqual({ ...profile, timeZone: "UTC" });
  });
});
